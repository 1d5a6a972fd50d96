package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndocumentedExitCodesTest {

  @TempDir Path dir;

  @Test
  void aCodeOnlyAnAdrApprovesFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", "import sys\n\ndef main():\n    sys.exit(4)\n")
            .file("docs/adr/0003-exit.md", "Exit code 4 means the lock is held.\n")
            .build();

    assertThat(findings(check(new UndocumentedExitCodes(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:4: sys.exit(...) exits with 4: approved by an ADR but documented nowhere"
                + " users look (README, docs, --help)");
  }

  @Test
  void aCodeDocumentedNowhereIsJudgedUnderBeh004() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", "import sys\n\ndef main():\n    sys.exit(4)\n")
            .build();

    Outcome outcome = check(new UndocumentedExitCodes(), repo, Profile.CLI);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString()).contains("same obligation as PY-BEH-004");
  }

  @Test
  void codesInHelpTextOrContractCodesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse, sys

                parser = argparse.ArgumentParser(
                    description="Sync files.",
                    epilog="Exit status: 0 ok, 1 failure, 4 lock held.",
                )

                def main():
                    sys.exit(4)
                    sys.exit(2)
                """)
            .file("docs/adr/0003-exit.md", "Exit code 4 means the lock is held.\n")
            .build();

    assertNoEvidentViolation(check(new UndocumentedExitCodes(), repo, Profile.CLI));
  }
}
