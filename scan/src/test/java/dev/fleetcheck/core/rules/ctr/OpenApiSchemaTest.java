package dev.fleetcheck.core.rules.ctr;

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

class OpenApiSchemaTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new OpenApiSchema(), repo.build(), Profile.API);
  }

  @Test
  void passesOnAFastApiDependency() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file(
                    "pyproject.toml",
                    "[project]\nname = \"s\"\ndependencies = [\n  \"fastapi>=0.110\",\n]\n"));
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(Evidence.at("pyproject.toml", 4, "fastapi generates the OpenAPI schema")));
  }

  @Test
  void passesOnDrfSpectacularInRequirementsOrAnApispecImport(@TempDir Path other) {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .file("requirements.txt", "django==5.0\ndrf-spectacular==0.27\n"))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            RuleFixture.check(
                    new OpenApiSchema(),
                    FixtureRepo.in(other)
                        .python()
                        .file("app/spec.py", "from apispec import APISpec\n")
                        .build(),
                    Profile.API)
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnAKeptOpenApiDocument() {
    assertThat(check(FixtureRepo.in(dir).python().file("docs/openapi.yaml", "openapi: 3.1.0\n")))
        .isEqualTo(Outcome.pass(Evidence.file("docs/openapi.yaml", "OpenAPI document kept")));
  }

  @Test
  void failsOnPlainFlaskAndIgnoresSchemasInTests() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .file("requirements.txt", "flask==3.0\n")
                .file("app.py", "from flask import Flask\n")
                .file("tests/fixtures/openapi.json", "{}\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
