package dev.fleetcheck.core.rules.tui;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoredDryRunTest {

  @TempDir Path dir;

  @Test
  void aDryRunNothingReadsFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import click

                parser = argparse.ArgumentParser()
                parser.add_argument("--dry-run", action="store_true", help="only show")

                @click.command()
                @click.option("--dryrun", "dry", is_flag=True)
                def sync(dry):
                    push()  # dry is ignored
                """)
            .build();

    assertThat(findings(check(new IgnoredDryRun(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:5: option --dry-run is declared but dry_run is never read: the command"
                + " runs for real",
            "tool/cli.py:8: option --dryrun is declared but dry is never read: the command runs"
                + " for real");
  }

  @Test
  void aDryRunThatIsReadStaysManualAndNoneIsNotApplicable() {
    Path read =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "tool/cli.py",
                """
                import typer

                app = typer.Typer()

                @app.command()
                def sync(dry_run: bool = typer.Option(False, "--dry-run")):
                    run(dry_run=dry_run)
                """)
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "tool/cli.py",
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--x')\n")
            .build();

    assertNoEvidentViolation(check(new IgnoredDryRun(), read, Profile.CLI));
    assertThat(check(new IgnoredDryRun(), none, Profile.CLI).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
