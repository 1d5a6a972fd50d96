package dev.fleetcheck.core.rules.lcl;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndocumentedSystemPackagesTest {

  @TempDir Path dir;
  private final UndocumentedSystemPackages rule = new UndocumentedSystemPackages();

  @Test
  void systemLibraryDependenciesWithoutTheirOsPackageFail() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1.0.0\"\n"
                    + "dependencies = [\"psycopg2>=2.9\", \"python-magic\", \"requests\"]\n")
            .file("Dockerfile", "FROM python:3.12-slim\nRUN apt-get install -y libmagic1\n")
            .file("tests/setup.sh", "apt-get install -y libpq-dev\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .hasSize(1)
        .allSatisfy(
            f ->
                assertThat(f)
                    .contains("psycopg2 needs the OS package libpq, named in no container file"));
  }

  @Test
  void listedPackagesOrBinaryWheelsStayManualOrNotApplicable() {
    Path listed =
        FixtureRepo.in(dir.resolve("l"))
            .file(
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1.0.0\"\ndependencies = [\"psycopg2\"]\n")
            .file("Aptfile", "libpq-dev\n")
            .build();
    assertNoEvidentViolation(check(rule, listed));

    Path binary =
        FixtureRepo.in(dir.resolve("b"))
            .file(
                "pyproject.toml",
                "[project]\nname = \"svc\"\nversion = \"1.0.0\"\n"
                    + "dependencies = [\"psycopg2-binary\"]\n")
            .build();
    assertThat(check(rule, binary).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
