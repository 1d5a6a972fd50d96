package dev.fleetcheck.core.rules.tui;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnconfirmedDestructionTest {

  @TempDir Path dir;

  private static final String DESTROYING =
      """
      import os
      import shutil
      import tempfile
      import boto3
      from pathlib import Path

      def purge(target, conn):
          shutil.rmtree(target)
          Path(target).unlink()
          boto3.client("s3").delete_bucket(Bucket=target)
          conn.execute("DROP TABLE users")
          scratch = tempfile.mkdtemp()
          shutil.rmtree(scratch)
          os.remove(cache_file)
      """;

  @Test
  void anAliasedDeletionIsStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/purge.py",
                "from shutil import rmtree as nuke\n\ndef purge(target):\n    nuke(target)\n")
            .build();

    assertThat(findings(check(new UnconfirmedDestruction(), repo, Profile.CLI)))
        .containsExactly(
            "tool/purge.py:4: nuke deletes without asking and the CLI has no --yes/--force");
  }

  @Test
  void deletionsWithoutConfirmationOrYesFail() {
    Path repo = FixtureRepo.in(dir).python().file("tool/purge.py", DESTROYING).build();

    assertThat(findings(check(new UnconfirmedDestruction(), repo, Profile.CLI)))
        .containsExactly(
            "tool/purge.py:8: shutil.rmtree deletes without asking and the CLI has no"
                + " --yes/--force",
            "tool/purge.py:9: Path().unlink deletes without asking and the CLI has no"
                + " --yes/--force",
            "tool/purge.py:10: boto3.client().delete_bucket destroys cloud resources"
                + " without asking",
            "tool/purge.py:11: SQL DROP runs without asking");
  }

  @Test
  void aConfirmationOrForceOptionStaysManual() {
    Path confirmed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/cli.py",
                "import typer\n\ndef main():\n    typer.confirm('Sure?', abort=True)\n")
            .build();
    Path forced =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/cli.py",
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--force',"
                    + " action='store_true')\n")
            .build();

    assertNoEvidentViolation(check(new UnconfirmedDestruction(), confirmed, Profile.CLI));
    assertNoEvidentViolation(check(new UnconfirmedDestruction(), forced, Profile.CLI));
  }
}
