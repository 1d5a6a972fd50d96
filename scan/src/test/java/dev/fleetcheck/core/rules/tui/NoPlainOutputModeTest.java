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

class NoPlainOutputModeTest {

  @TempDir Path dir;

  @Test
  void coloramaAndRawEscapesWithoutAPlainModeFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                "from colorama import Fore\n\ndef red(s):\n    return Fore.RED + s\n")
            .file("tool/raw.py", "BOLD = \"\\033[1m\"\n")
            .build();

    assertThat(findings(check(new NoPlainOutputMode(), repo, Profile.CLI)))
        .containsExactly(
            "tool/out.py: styles output with colorama, which ignores NO_COLOR, and the CLI offers"
                + " no plain mode",
            "tool/raw.py:1: writes raw ANSI escapes and the CLI offers no plain mode");
  }

  @Test
  void aColourOptionNoColorOrRichStayManual() {
    Path option =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/out.py", "from colorama import Fore\n")
            .file(
                "tool/cli.py",
                "import click\n\n@click.command()\n@click.option('--no-color', is_flag=True)\n"
                    + "def main(no_color):\n    pass\n")
            .build();
    Path noColor =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "tool/out.py",
                "import os\nfrom colorama import Fore\nPLAIN = 'NO_COLOR' in os.environ\n")
            .build();
    Path rich =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("tool/out.py", "from rich.console import Console\nConsole().print('[red]x')\n")
            .build();

    assertNoEvidentViolation(check(new NoPlainOutputMode(), option, Profile.CLI));
    assertNoEvidentViolation(check(new NoPlainOutputMode(), noColor, Profile.CLI));
    assertNoEvidentViolation(check(new NoPlainOutputMode(), rich, Profile.CLI));
  }

  @Test
  void aColourOptionDeclaredInDataAndReadInCodeStaysManual() {
    Path declaredInData =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/out.py", "from colorama import Fore\n")
            .file(
                "tool/formatter.py",
                "def colour(args):\n    if args.color == 'off':\n        return False\n"
                    + "    return True\n")
            .build();
    Path aColourVariable =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/out.py", "from colorama import Fore\n")
            .file("tool/formatter.py", "def pick(style):\n    return style.color == 'red'\n")
            .build();

    assertNoEvidentViolation(check(new NoPlainOutputMode(), declaredInData, Profile.CLI));
    assertThat(findings(check(new NoPlainOutputMode(), aColourVariable, Profile.CLI)))
        .containsExactly(
            "tool/out.py: styles output with colorama, which ignores NO_COLOR, and the CLI offers"
                + " no plain mode");
  }

  @Test
  void coloramaOnlyTranslatingForWindowsAndAnEscapeMarkerStyleNothing() {
    Path repo =
        FixtureRepo.in(dir.resolve("win"))
            .python()
            .file(
                "tool/__main__.py",
                """
                import sys

                if sys.platform.startswith("win"):
                    import colorama
                    colorama.init()
                """)
            .file(
                "tool/context.py",
                """
                def wrap(stdout):
                    import colorama.initialise
                    from colorama import AnsiToWin32
                    return colorama.initialise.wrap_stream(stdout, None, None, False, True)
                """)
            .file(
                "tool/writer.py",
                """
                def write_colored(stream, outfile):
                    color = b'\\x1b['
                    for chunk in stream:
                        if color in chunk:
                            outfile.write(chunk.decode())
                """)
            .build();
    Path styled =
        FixtureRepo.in(dir.resolve("styled"))
            .python()
            .file("tool/__main__.py", "import colorama\n\nWARN = colorama.Fore.YELLOW\n")
            .file("tool/writer.py", "CSI = '\\x1b['\n\ndef bold(s):\n    return CSI + '1m' + s\n")
            .build();

    assertNoEvidentViolation(check(new NoPlainOutputMode(), repo, Profile.CLI));
    assertThat(findings(check(new NoPlainOutputMode(), styled, Profile.CLI)))
        .containsExactly(
            "tool/__main__.py: styles output with colorama, which ignores NO_COLOR, and the CLI"
                + " offers no plain mode",
            "tool/writer.py:1: writes raw ANSI escapes and the CLI offers no plain mode");
  }
}
