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

class ContainerDriftTest {

  @TempDir Path dir;
  private final ContainerDrift rule = new ContainerDrift();

  @Test
  void containerOnlyTargetsAndADriftedBaseImageFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(".python-version", "3.12\n")
            .file(
                "Dockerfile",
                "FROM python:3.11-slim AS build\nFROM ghcr.io/astral-sh/uv:python3.12-bookworm\n")
            .file(
                "Makefile",
                "test:\n\tdocker compose run --rm app pytest\nlint:\n\tuv run ruff check .\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "Dockerfile:1: base image Python 3.11 differs from .python-version 3.12",
            "Makefile:1: target test runs only in a container: native development is not"
                + " possible");
  }

  @Test
  void nativeTargetsAndAMatchingImageStayManualAndNoContainerIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(".python-version", "3.12.4\n")
            .file("Dockerfile", "FROM python:3.12-slim\n")
            .file(
                "Makefile",
                "test:\n\tuv run pytest  # not docker run\ncontainer-test:\n\tdocker build .\n")
            .build();
    assertNoEvidentViolation(check(rule, repo));

    Path none = FixtureRepo.in(dir.resolve("n")).python().file("a.py", "x = 1\n").build();
    assertThat(check(rule, none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
