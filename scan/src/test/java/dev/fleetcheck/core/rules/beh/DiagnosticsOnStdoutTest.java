package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsOnStdoutTest {

  @TempDir Path dir;

  @Test
  void diagnosticsWrittenToStdoutFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import sys
                import click
                from rich.console import Console

                console = Console()

                def main(path):
                    try:
                        load(path)
                    except OSError as e:
                        click.echo(f"cannot read {path}")
                    print("Warning: cache is stale")
                    console.print(f"[bold red]Error:[/] {path} missing")
                    sys.stdout.write("FAILED to sync\\n")
                """)
            .build();

    assertThat(findings(check(new DiagnosticsOnStdout(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:11: click.echo writes from an except clause to stdout",
            "tool/cli.py:12: print writes a diagnostic to stdout",
            "tool/cli.py:13: console.print writes a diagnostic to stdout",
            "tool/cli.py:14: sys.stdout.write writes a diagnostic to stdout");
  }

  @Test
  void stderrWritesResultsAndStringsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import sys
                import click
                from rich.console import Console

                err = Console(stderr=True)

                def main(path):
                    try:
                        load(path)
                    except OSError as e:
                        click.echo(f"cannot read {path}", err=True)
                        print("error", file=sys.stderr)
                    err.print("[red]Error:[/] missing")
                    print("errors found: 0")
                    print("Done")
                    HELP = "print('error: x')"
                """)
            .file("tests/test_cli.py", "print('error: in a test')\n")
            .build();

    assertNoEvidentViolation(check(new DiagnosticsOnStdout(), repo, Profile.CLI));
  }

  @Test
  void blankLinesAndFallbacksOfTheOutputInAHandlerAreNotDiagnostics() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import os
                import sys

                def show(val):
                    try:
                        print(val)
                    except UnicodeEncodeError:
                        print(val.encode("utf-8", "backslashreplace").decode())

                def page(text, lines):
                    try:
                        lines += detect()
                    except TypeError:
                        print(text)
                        return
                    print(text)

                def ask():
                    try:
                        return input("? ")
                    except KeyboardInterrupt:
                        print()
                        sys.stdout.write("\\n")
                        sys.stdout.write(os.linesep)

                def load(path, other):
                    try:
                        read(path)
                    except OSError as e:
                        print(e)
                        print(other)
                    print(path)
                """)
            .build();

    assertThat(findings(check(new DiagnosticsOnStdout(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:30: print writes from an except clause to stdout",
            "tool/cli.py:31: print writes from an except clause to stdout");
  }
}
