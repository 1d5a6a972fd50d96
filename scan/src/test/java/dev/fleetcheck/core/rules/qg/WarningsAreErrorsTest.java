package dev.fleetcheck.core.rules.qg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningsAreErrorsTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return FixtureRepo.check(new WarningsAreErrors(), repo.build());
  }

  private FixtureRepo pyproject(String tables) {
    return FixtureRepo.in(dir)
        .file("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\n\n" + tables);
  }

  @Test
  void passesOnFilterwarningsErrorInIniOptions() {
    Outcome outcome =
        check(
            pyproject(
                "[tool.pytest.ini_options]\nfilterwarnings = [\n  \"error\",\n"
                    + "  \"ignore::DeprecationWarning:botocore.*\",\n]\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(
                "pyproject.toml", 6, "filterwarnings turns warnings into errors: \"error\""));
  }

  @Test
  void passesOnPytestNineNativeTable() {
    assertThat(
            check(pyproject("[tool.pytest]\nfilterwarnings = [\"error::UserWarning\"]\n")).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnDashWErrorInAddopts() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("pytest.ini", "[pytest]\naddopts = -ra -W error --strict-markers\n"))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            check(pyproject("[tool.pytest.ini_options]\naddopts = [\"-W\", \"error\"]\n")).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnSetupCfgAndToxIniSections() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file(
                            "setup.cfg",
                            "[tool:pytest]\nfilterwarnings =\n    error\n    ignore::ResourceWarning\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnATestTargetPassingDashWError(@TempDir Path other) {
    assertThat(
            FixtureRepo.check(
                    new WarningsAreErrors(),
                    FixtureRepo.in(other)
                        .python()
                        .file("Makefile", "test:\n\tuv run pytest -W error\n")
                        .build())
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenPytestIsConfiguredWithoutErrors() {
    Outcome outcome =
        check(
            pyproject(
                "[tool.pytest.ini_options]\nfilterwarnings = [\"ignore::DeprecationWarning\"]\n"
                    + "addopts = \"-ra\"\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(
            Evidence.at(
                "pyproject.toml", 5, "pytest configuration does not turn warnings into errors"));
  }

  @Test
  void failsWithoutAnyPytestConfiguration() {
    Outcome outcome = check(FixtureRepo.in(dir).python().file("pytest.ini", "[flake8]\nx = 1\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message())
        .startsWith("no pytest configuration sets filterwarnings = error");
  }

  @Test
  void aWarningNamedErrorSomethingIsNotTheErrorAction() {
    assertThat(
            check(
                    pyproject(
                        "[tool.pytest.ini_options]\nfilterwarnings = [\"ignore:error in x\"]\n"))
                .status())
        .isEqualTo(Status.FAIL);
  }
}
