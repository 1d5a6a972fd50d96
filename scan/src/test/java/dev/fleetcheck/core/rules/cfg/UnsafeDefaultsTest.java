package dev.fleetcheck.core.rules.cfg;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeDefaultsTest {

  @TempDir Path dir;
  private final UnsafeDefaults rule = new UnsafeDefaults();

  @Test
  void destructiveFlagsOnAndProductionDefaultsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import os
                import click
                import typer

                STAGE = os.getenv("APP_STAGE", "prod")
                parser.add_argument("--force", action="store_true", default=True)
                parser.add_argument("--env", default="production")

                @click.option(
                    "--purge",
                    is_flag=True,
                    default=True,
                )
                def clean(purge):
                    pass

                def deploy(yes: bool = typer.Option(True, "--yes")):
                    pass
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:6: APP_STAGE defaults to the real environment \"prod\"",
            "tool/cli.py:7: destructive option --force is on by default",
            "tool/cli.py:8: --env defaults to the real environment \"production\"",
            "tool/cli.py:10: destructive option --purge is on by default",
            "tool/cli.py:18: destructive option --yes is on by default");
  }

  @Test
  void safeDefaultsOtherNamesStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import os
                import click

                STAGE = os.getenv("APP_STAGE", "dev")
                REGION = os.getenv("APP_REGION", "prod")
                parser.add_argument("--force", action="store_true")
                parser.add_argument("--env", default="local")

                @click.option("--purge", is_flag=True, default=False)
                def clean(purge):
                    pass
                DOC = "os.getenv('STAGE', 'prod')"
                """)
            .file("tests/test_cli.py", "import os\nos.getenv(\"STAGE\", \"prod\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.CLI));
  }
}
