package dev.fleetcheck.core.rules.qg;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonBlockingGatesTest {

  @TempDir Path dir;
  private final NonBlockingGates rule = new NonBlockingGates();

  @Test
  void lintAndTestStepsThatCannotFailTheBuildFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                ".github/workflows/ci.yml",
                """
                on: push
                jobs:
                  check:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Lint
                        run: ruff check --exit-zero .
                      - name: Tests
                        continue-on-error: true
                        run: pytest -q
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            ".github/workflows/ci.yml:8: the CI run of Ruff cannot fail the build: its command"
                + " swallows the exit status",
            ".github/workflows/ci.yml:11: the CI run of the tests cannot fail the build: its step"
                + " is allowed to fail");
  }

  @Test
  void blockingRunsAndOneBlockingRunBesideAnAllowedOneStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                ".github/workflows/ci.yml",
                """
                on: push
                jobs:
                  check:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ruff check .
                      - name: Experimental tests
                        continue-on-error: ${{ matrix.experimental }}
                        run: pytest -q
                      - name: Flaky extras
                        run: pytest -q tests/extra || true
                      - run: pytest -q
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }
}
