package dev.fleetcheck.core.rules.cfg;

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

class InconsistentEnvPrefixTest {

  @TempDir Path dir;
  private final InconsistentEnvPrefix rule = new InconsistentEnvPrefix();

  @Test
  void variablesOutsideTheCommonPrefixFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/config.py",
                """
                import os
                from os import environ

                DB = os.environ["ORDERS_DB_URL"]
                LEVEL = os.getenv("ORDERS_LOG_LEVEL", "INFO")
                REGION = os.environ.get("AWS_REGION")
                TABLE = environ.get("TABLE_NAME")
                QUEUE = environ["QUEUE_URL"]
                """)
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Environment:
                      Variables:
                        POWERTOOLS_SERVICE_NAME: orders
                        DEBUG: "0"
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/config.py:7: TABLE_NAME does not share the prefix ORDERS_ of the other variables",
            "app/config.py:8: QUEUE_URL does not share the prefix ORDERS_ of the other variables",
            "template.yaml:7: DEBUG does not share the prefix ORDERS_ of the other variables");
  }

  @Test
  void oneSharedPrefixAllowedNamesStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/config.py",
                """
                import os
                import click

                DB = os.environ["ORDERS_DB_URL"]
                os.environ["OTHER"] = "x"
                DOC = "os.getenv('UNRELATED')"

                @click.option("--level", envvar="ORDERS_LOG_LEVEL")
                def main(level):
                    return os.getenv("HOME"), os.getenv("HTTPS_PROXY"), os.getenv("PAGER")

                def wsgi_app(environ, start_response):
                    return environ["PATH_INFO"], environ["HTTP_HOST"]
                """)
            .file("tests/test_config.py", "import os\nos.getenv(\"TEST_ONLY\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.CLI));
  }

  @Test
  void withFewerThanTwoVariablesItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir).python().file("app/c.py", "import os\nos.getenv(\"DEBUG\")\n").build();

    assertThat(check(rule, repo, Profile.CLI).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
