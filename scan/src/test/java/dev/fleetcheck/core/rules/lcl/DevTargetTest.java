package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTargetTest {

  @TempDir Path dir;

  @Test
  void passesOnMakefileDevTargetNamingTheRunner() {
    Path repo =
        FixtureRepo.in(dir).python().file("Makefile", ".PHONY: dev\ndev:\n\tuv sync\n").build();
    Outcome outcome = FixtureRepo.check(new DevTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.at("Makefile", 2, "`dev` target (make)"));
  }

  @Test
  void initIsNotDevAndPhonyMentionAloneIsNotATarget() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Makefile", ".PHONY: dev init\ninit:\n\tuv sync\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DevTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).describe())
        .isEqualTo("Makefile: no `dev` target in Makefile (names must match exactly)");
  }

  @Test
  void failsWithoutAnyRunnerAndIgnoresScriptsAndPackageJson() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("scripts/dev.sh", "uv sync\n")
            .file("package.json", "{\"scripts\": {\"dev\": \"vite\"}}")
            .build();
    Outcome outcome = FixtureRepo.check(new DevTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).startsWith("no `dev` target: no task runner");
  }

  @Test
  void passesOnHatchScriptOfDefaultEnvironment() {
    Path repo =
        FixtureRepo.in(dir)
            .file(
                "pyproject.toml",
                "[project]\nname = \"x\"\n[tool.hatch.envs.default.scripts]\ndev = \"pip install -e .\"\n")
            .build();
    Outcome outcome = FixtureRepo.check(new DevTarget(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.at("pyproject.toml", 4, "`dev` target (hatch)"));
  }

  @Test
  void notApplicableWithoutPython() {
    Path repo = FixtureRepo.in(dir).file("Makefile", "dev:\n\ttrue\n").build();
    assertThat(FixtureRepo.check(new DevTarget(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
