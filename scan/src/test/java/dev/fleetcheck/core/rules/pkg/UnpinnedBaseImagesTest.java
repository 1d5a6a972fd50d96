package dev.fleetcheck.core.rules.pkg;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpinnedBaseImagesTest {

  @TempDir Path dir;
  private final UnpinnedBaseImages rule = new UnpinnedBaseImages();

  @Test
  void untaggedLatestAndVersionlessBaseImagesAndUnpinnedPipInstallsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Dockerfile",
                """
                FROM --platform=linux/amd64 python:slim AS build
                RUN pip install --upgrade pip \\
                    && pip install fastapi uvicorn==0.30.1
                FROM build AS test
                FROM ubuntu
                FROM registry.example.com:5000/base:latest
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "Dockerfile:1: base image python:slim uses the tag slim, which names no version and no"
                + " digest",
            "Dockerfile:2: pip installs packages without == pins: fastapi",
            "Dockerfile:5: base image ubuntu has no tag and no digest",
            "Dockerfile:6: base image registry.example.com:5000/base:latest uses the moving tag"
                + " latest and no digest");
  }

  @Test
  void versionTagsDigestsStagesArgsAndLockedInstallsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "Dockerfile",
                """
                ARG BASE=python:3.12-slim
                FROM ${BASE} AS base
                # FROM python:latest
                FROM python:3.12.4-slim AS build
                RUN pip install -r requirements.txt && pip install --no-deps .
                RUN pip install --upgrade pip setuptools wheel
                FROM build
                FROM scratch
                FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """)
            .file("tests/docker/Dockerfile", "FROM python\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void withoutAContainerFileItIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "x = 1\n").build();

    assertThat(check(rule, repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
