package dev.fleetcheck.core.rules.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalEntrypointTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new CanonicalEntrypoint(), repo.build(), Profile.CLI);
  }

  @Test
  void passesOnProjectScripts() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    "[project]\nname = \"t\"\n\n[project.scripts]\ntool = \"t.cli:main\"\n"));
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at("pyproject.toml", 4, "console script tool in [project.scripts]")));
  }

  @Test
  void passesOnPoetryScriptsSetupCfgAndSetupPy(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file(
                            "pyproject.toml",
                            "[tool.poetry]\nname = \"t\"\n[tool.poetry.scripts]\nt = \"t:main\"\n"))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            RuleFixture.check(
                    new CanonicalEntrypoint(),
                    FixtureRepo.in(a)
                        .file(
                            "setup.cfg",
                            "[options.entry_points]\nconsole_scripts =\n    t = t:main\n")
                        .build(),
                    Profile.CLI)
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            RuleFixture.check(
                    new CanonicalEntrypoint(),
                    FixtureRepo.in(b)
                        .file("setup.py", "setup(entry_points={'console_scripts': ['t=t:main']})\n")
                        .build(),
                    Profile.CLI)
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnAPackageMainModule() {
    assertThat(check(FixtureRepo.in(dir).python().file("src/t/__main__.py", "main()\n")))
        .isEqualTo(
            Outcome.pass(Evidence.file("src/t/__main__.py", "package entrypoint for python -m")));
  }

  @Test
  void failsWithoutEntrypointEvenWithMainModulesInTestsOrExamples() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("t/cli.py", "import argparse\n")
                .file("tests/fake/__main__.py", "")
                .file("examples/demo/__main__.py", ""));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void emptyScriptsTableIsNoEntrypoint() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file("pyproject.toml", "[project]\nname = \"t\"\n[project.scripts]\n"))
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void notApplicableWithoutTheCliProfile() {
    assertThat(
            FixtureRepo.check(new CanonicalEntrypoint(), FixtureRepo.in(dir).python().build())
                .status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
