package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressInStructuredOutputTest {

  @TempDir Path dir;

  @Test
  void progressOnStdoutBesideJsonFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import json
                import sys
                import click
                from rich.progress import Progress

                @click.command()
                def export(items):
                    with click.progressbar(items) as bar:
                        rows = [row(i) for i in bar]
                    click.echo(json.dumps(rows))

                def dump(items):
                    with Progress() as progress:
                        task = progress.add_task("x")
                    json.dump(items, sys.stdout)
                """)
            .build();

    assertThat(findings(check(new ProgressInStructuredOutput(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:8: click.progressbar shows progress on stdout, mixed into the JSON"
                + " written at line 10",
            "tool/cli.py:13: Progress shows progress on stdout, mixed into the JSON written at"
                + " line 15");
  }

  @Test
  void progressOnStderrOrInAnotherFunctionStaysManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import json
                import sys
                import click
                from rich.console import Console
                from rich.progress import Progress
                from tqdm import tqdm

                err = Console(stderr=True)

                def export(items):
                    with click.progressbar(items, file=sys.stderr) as bar:
                        rows = list(bar)
                    with Progress(console=err):
                        pass
                    for i in tqdm(items):
                        pass
                    print(json.dumps(rows))

                def show(items):
                    with click.progressbar(items) as bar:
                        pass
                """)
            .build();

    assertNoEvidentViolation(check(new ProgressInStructuredOutput(), repo, Profile.CLI));
  }
}
