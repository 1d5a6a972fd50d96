package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TracingTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo, Profile profile) {
    return RuleFixture.check(new Tracing(), repo.build(), profile);
  }

  @Test
  void passesOnAnOpenTelemetryDependency() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    "[project]\nname = \"s\"\ndependencies = [\"opentelemetry-instrumentation-fastapi\"]\n"),
            Profile.API);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message())
        .isEqualTo("opentelemetry-instrumentation-fastapi traces requests");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "from aws_lambda_powertools import Logger, Tracer\n",
        "from aws_xray_sdk.core import patch_all\n",
        "from opentelemetry import trace\n"
      })
  void passesOnTracingCode(String code) {
    assertThat(check(FixtureRepo.in(dir).python().file("fn/app.py", code), Profile.LAMBDA).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnSamActiveTracing() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file(
                            "template.yaml",
                            "Globals:\n  Function:\n    Runtime: python3.12\n    Tracing: Active\n"),
                    Profile.LAMBDA)
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWithoutTracing() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("fn/app.py", "from aws_lambda_powertools import Logger\n")
                        .file("tests/template.yaml", "Tracing: Active\n"),
                    Profile.LAMBDA)
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void osprofilerSetUpByAnOpenStackServiceIsTracing() {
    // keystone: osprofiler's initializer and its WSGI middleware trace every request.
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "vault/common/profiler.py",
                    "import osprofiler.initializer\n\n\ndef setup(name):\n"
                        + "    osprofiler.initializer.init_from_conf(conf=CONF, project='vault')\n"),
            Profile.API);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).message())
        .isEqualTo("osprofiler (OpenStack's request tracer) traces requests");
  }

  @Test
  void osprofilerNamedOnlyInTestsOrAStringIsNoTracing() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("tests/test_profiler.py", "import osprofiler\n")
                .file("vault/app.py", "PIPELINE = 'osprofiler authtoken vault'\n"),
            Profile.API);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
