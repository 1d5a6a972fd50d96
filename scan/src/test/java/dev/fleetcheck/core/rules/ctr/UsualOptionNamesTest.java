package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsualOptionNamesTest {

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name)).python().file("tool/cli.py", code).build();
  }

  @Test
  void synonymsOfTheUsualNamesFailPerOption() {
    Path repo =
        repo(
            "r",
            "import click\nimport typer\n\napp = typer.Typer()\n\n\n@click.command()\n"
                + "@click.option(\n    \"--dryrun\",\n    is_flag=True,\n)\n"
                + "@click.option(\"--fmt\", \"--output-format\")\n"
                + "def main(dryrun, fmt):\n    pass\n\n\n"
                + "@app.command()\ndef other(silent: bool = False):\n    pass\n");

    assertThat(described(checkCli(new UsualOptionNames(), repo)))
        .containsExactly(
            "tool/cli.py:8: option --dryrun (click) is usually named --dry-run",
            "tool/cli.py:12: option --fmt (click) is usually named --format",
            "tool/cli.py:12: option --output-format (click) is usually named --format",
            "tool/cli.py:18: option --silent (typer) is usually named --quiet");
  }

  @Test
  void usualNamesAliasesJsonAndStringsPass() {
    Path repo =
        repo(
            "r",
            "import argparse\n\np = argparse.ArgumentParser(description=\"use --dryrun\")\n"
                + "p.add_argument(\"--output\", \"--out\", help=\"x\")\n"
                + "p.add_argument(\"--json\", action=\"store_true\")\n"
                + "p.add_argument(\"--dry-run\", action=\"store_true\")\n"
                + "# p.add_argument(\"--silent\")\n");

    assertThat(described(checkCli(new UsualOptionNames(), repo)))
        .containsExactly("3 long options use the usual names");
  }

  @Test
  void noLongOptionIsNotApplicable() {
    Path repo =
        repo("r", "import argparse\n\np = argparse.ArgumentParser()\np.add_argument(\"path\")\n");

    assertThat(checkCli(new UsualOptionNames(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
