package dev.fleetcheck.core.rules.data;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilentBoolCoercionTest {

  @TempDir Path dir;
  private final SilentBoolCoercion rule = new SilentBoolCoercion();

  @Test
  void boolTypedArgumentsAndBoolOfEnvironmentValuesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import os
                from os import getenv

                parser = argparse.ArgumentParser()
                parser.add_argument(
                    "--verbose",
                    type=bool,
                )
                DEBUG = bool(os.environ.get("DEBUG", False))
                STRICT = bool(getenv("STRICT"))
                CACHE = bool(os.environ["CACHE"])
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "tool/cli.py:6: add_argument(..., type=bool) turns any non-empty string, \"False\""
                + " included, into True",
            "tool/cli.py:10: bool() of an environment value makes \"false\" and \"0\" True",
            "tool/cli.py:11: bool() of an environment value makes \"false\" and \"0\" True",
            "tool/cli.py:12: bool() of an environment value makes \"false\" and \"0\" True");
  }

  @Test
  void explicitParsingOtherTypesStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                """
                import argparse
                import os

                parser.add_argument("--verbose", action="store_true")
                parser.add_argument("--count", type=int)
                DEBUG = os.environ.get("DEBUG", "0").lower() in {"1", "true"}
                FLAG = bool(settings.flag)
                HAS = bool(os.environ)
                DOC = "bool(os.getenv('X'))"
                """)
            .file("tests/test_cli.py", "import os\nX = bool(os.getenv(\"X\"))\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }
}
