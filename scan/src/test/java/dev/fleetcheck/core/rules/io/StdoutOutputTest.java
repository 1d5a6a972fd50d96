package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdoutOutputTest {

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name)).python().file("tool/cli.py", code).build();
  }

  @Test
  void fileTypesAllowDashAndAComparisonWithDashPass() {
    Path fileType =
        repo(
            "filetype",
            "import argparse\n\np = argparse.ArgumentParser()\n"
                + "p.add_argument(\"-o\", \"--output\", type=argparse.FileType(\"w\"))\n");
    Path click =
        repo(
            "click",
            "import click\n\n\n@click.command()\n"
                + "@click.option(\"--out\", type=click.Path(dir_okay=False, allow_dash=True))\n"
                + "def main(out):\n    pass\n");
    Path compared =
        repo(
            "compared",
            "import argparse\nimport sys\n\np = argparse.ArgumentParser()\n"
                + "p.add_argument(\"--output-file\", dest=\"target\")\n"
                + "args = p.parse_args()\n"
                + "stream = (\n    sys.stdout\n    if args.target == \"-\"\n"
                + "    else open(args.target, \"w\")\n)\n");

    assertThat(described(checkCli(new StdoutOutput(), fileType)))
        .containsExactly(
            "tool/cli.py:4: option -o/--output (argparse) accepts -: type"
                + " argparse.FileType(\"w\")");
    assertThat(checkCli(new StdoutOutput(), click).status()).isEqualTo(Status.PASS);
    assertThat(described(checkCli(new StdoutOutput(), compared)))
        .containsExactly(
            "tool/cli.py:5: option --output-file (argparse) accepts -: tool/cli.py:9 compares"
                + " target with \"-\"");
  }

  @Test
  void anOutputOptionThatOnlyOpensAPathFails() {
    Path repo =
        repo(
            "r",
            "import typer\n\napp = typer.Typer()\n\n\n@app.command()\n"
                + "def main(output: str = typer.Option(\"out.json\", \"--output\", \"-o\")):\n"
                + "    # if output == \"-\": use stdout\n"
                + "    print(\"output == '-'\")\n"
                + "    open(output, \"w\").write(\"{}\")\n");

    assertThat(described(checkCli(new StdoutOutput(), repo)))
        .containsExactly(
            "tool/cli.py:7: option --output/-o (typer) writes a file but does not accept - for"
                + " stdout (no FileType/click.File, allow_dash, \"-\" default or comparison with"
                + " \"-\")");
  }

  @Test
  void directoriesFlagsAndOtherOptionsAreNotApplicable() {
    Path repo =
        repo(
            "r",
            "import argparse\n\np = argparse.ArgumentParser()\n"
                + "p.add_argument(\"--output-dir\")\n"
                + "p.add_argument(\"--output\", type=click.Path(file_okay=False))\n"
                + "p.add_argument(\"-o\", action=\"store_true\")\n"
                + "p.add_argument(\"--input\", type=argparse.FileType(\"r\"))\n");

    assertThat(checkCli(new StdoutOutput(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void theComparisonIsFoundInAnyModuleAndModulesComparingOtherNamesWithDashDoNotCount() {
    Path repo =
        FixtureRepo.in(dir.resolve("multi"))
            .python()
            .file(
                "tool/a_helpers.py",
                "import sys\n\n\ndef pick(path):\n    return sys.stdin if path == \"-\" else path\n")
            .file(
                "tool/cli.py",
                "import argparse\nimport sys\n\np = argparse.ArgumentParser()\n"
                    + "p.add_argument(\"--out-file\")\n")
            .file(
                "tool/z_write.py",
                "import sys\n\n\ndef write(args):\n"
                    + "    if args.out_file != '-':\n        pass\n")
            .build();

    assertThat(described(checkCli(new StdoutOutput(), repo)))
        .containsExactly(
            "tool/cli.py:5: option --out-file (argparse) accepts -: tool/z_write.py:5 compares"
                + " out_file with \"-\"");
  }

  @Test
  void aFolderDefaultAndAMountOptionsFlagAreNoOutputFiles() {
    Path repo =
        repo(
            "r",
            """
            import argparse

            p = argparse.ArgumentParser()
            p.add_argument('--output-path', dest='output_path', default='./',
                           help='The path in which the collection is built to.')
            p.add_argument('-o', dest='options', type=str, help='Extra mount options')
            """);
    Path still =
        repo(
            "still",
            """
            import optparse

            parser = optparse.OptionParser()
            parser.add_option('-o', dest='outputFile', help='Output file')
            parser.add_option('-O', dest='options')
            """);

    assertThat(checkCli(new StdoutOutput(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(described(checkCli(new StdoutOutput(), still)))
        .containsExactly(
            "tool/cli.py:4: option -o (optparse) writes a file but does not accept - for stdout"
                + " (no FileType/click.File, allow_dash, \"-\" default or comparison with"
                + " \"-\")");
  }

  @Test
  void aTypeConverterThatPassesDashThroughAcceptsIt() {
    Path repo =
        FixtureRepo.in(dir.resolve("converter"))
            .python()
            .file(
                "tool/helpers.py",
                """
                import os


                def unfrack_path(follow=True):
                    def inner(value):
                        if value == '-':
                            return value
                        return os.path.realpath(value)
                    return inner


                def plain_path(value):
                    return os.path.realpath(value)
                """)
            .file(
                "tool/cli.py",
                """
                import argparse
                from tool import helpers

                p = argparse.ArgumentParser()
                p.add_argument('--output', dest='output_file', type=helpers.unfrack_path())
                p.add_argument('--out', dest='target', type=helpers.plain_path)
                """)
            .build();

    assertThat(described(checkCli(new StdoutOutput(), repo)))
        .containsExactly(
            "tool/cli.py:6: option --out (argparse) writes a file but does not accept - for stdout"
                + " (no FileType/click.File, allow_dash, \"-\" default or comparison with"
                + " \"-\")");
  }
}
