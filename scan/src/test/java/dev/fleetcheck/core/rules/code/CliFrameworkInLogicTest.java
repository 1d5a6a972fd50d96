package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFrameworkInLogicTest {

  @TempDir Path dir;

  @Test
  void frameworkImportsOutsideTheCliLayerFail() {
    Path repo = CliLayerFixtures.tangled(dir);

    assertThat(findings(check(new CliFrameworkInLogic(), repo, Profile.CLI)))
        .containsExactly(
            "tool/logic/report.py: module outside the CLI layer imports argparse, click");
  }

  @Test
  void layeredClisStayManual() {
    Path repo = CliLayerFixtures.layered(dir);

    assertNoEvidentViolation(check(new CliFrameworkInLogic(), repo, Profile.CLI));
  }

  @Test
  void theFrameworksOwnSourceImportingItselfStaysManual() {
    Path repo =
        dev.fleetcheck.core.testing.FixtureRepo.in(dir)
            .python()
            .file("src/click/__main__.py", "from click.core import main\nmain()\n")
            .file("src/click/core.py", "from click.types import Choice\n\ndef main(): ...\n")
            .file("src/click/types.py", "import click\n\nclass Choice: ...\n")
            .build();

    assertNoEvidentViolation(check(new CliFrameworkInLogic(), repo, Profile.CLI));
  }

  @Test
  void typeOnlyImportsAndExtensionsOfTheFrameworkAreNotBusinessLogicUsingIt() {
    // flask's scaffold imports click.Group for type hints only; awscli defines an argparse
    // Action, IPython an ArgumentParser subclass, flask a CliRunner subclass.
    Path repo =
        dev.fleetcheck.core.testing.FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/scaffold.py",
                """
                import typing as t

                if t.TYPE_CHECKING:  # pragma: no cover
                    from click import Group
                    import argparse

                class Scaffold:
                    cli: "Group"
                """)
            .file(
                "pkg/s3/utils.py",
                "import argparse\n\nclass AppendFilter(argparse.Action):\n    pass\n")
            .file(
                "pkg/testing.py",
                "from click.testing import CliRunner\n\nclass AppRunner(CliRunner):\n    pass\n")
            .file(
                "pkg/app.py",
                """
                from typing import TYPE_CHECKING
                import click

                if TYPE_CHECKING:
                    import argparse

                def run(debug):
                    click.secho("warning", fg="red")
                """)
            .build();

    assertThat(findings(check(new CliFrameworkInLogic(), repo, Profile.CLI)))
        .containsExactly("pkg/app.py: module outside the CLI layer imports click");
  }
}
