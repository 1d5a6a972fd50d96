package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeCheckerConfiguredTest {

  @TempDir Path dir;

  @Test
  void passesOnToolSectionFileOrDependency() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[tool.pyright]\nstrict = [\"src\"]\n[dependency-groups]\ndev = [\"mypy>=1\"]\n")
            .file("mypy.ini", "[mypy]\nstrict = True\n")
            .build();
    Outcome outcome = FixtureRepo.check(new TypeCheckerConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .contains(
            Evidence.file("pyproject.toml", "pyright configured in [tool.pyright]"),
            Evidence.file("mypy.ini", "type checker configuration file"),
            Evidence.at("pyproject.toml", 4, "declared in [dependency-groups]"));
  }

  @Test
  void passesOnSetupCfgMypySection() {
    Path repo =
        FixtureRepo.in(dir)
            .file("setup.cfg", "[metadata]\nname = x\n[mypy]\nstrict = True\n")
            .build();
    assertThat(FixtureRepo.check(new TypeCheckerConfigured(), repo).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWithoutTypeChecker() {
    Path repo = FixtureRepo.in(dir).python().build();
    Outcome outcome = FixtureRepo.check(new TypeCheckerConfigured(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .startsWith("no type checker configured or declared");
  }
}
