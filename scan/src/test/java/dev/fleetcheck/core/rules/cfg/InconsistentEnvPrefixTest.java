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
  void platformAndOtherProgramsVariablesAreNotTheApplications() {
    // Shapes from IPython, hypothesis and aws-xray-sdk: the display, the terminal, the less pager,
    // the Qt shim, Django's colours and the Lambda runtime's trace header (read via a constant).
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/term.py",
                """
                import os

                TRACE_HEADER = "_X_AMZN_TRACE_ID"

                def setup():
                    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
                        return None
                    colors = os.getenv("DJANGO_COLORS", ""), os.getenv("COLORFGBG", "")
                    return colors, os.environ.get("QT_API"), os.environ.get("LESS", "")

                def traced():
                    return os.getenv(TRACE_HEADER), os.getenv("KUBERNETES_EXEC_INFO")

                LEVEL = os.getenv("SHOP_LOG_LEVEL")
                DB = os.getenv("SHOP_DB_URL")
                CACHE = os.getenv("CACHE_DIR")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/term.py:16: CACHE_DIR does not share the prefix SHOP_ of the other variables");
  }

  @Test
  void otherProgramsDocumentedNamesAndPrivateNamesOfThePrefixAreNotFindings() {
    // Shapes from ansible-core, borgbackup, barbican and mkdocs: git's and OpenSSH's variables,
    // the dynamic linker's, Azure Pipelines', the New Relic agent's, attic's, and a private
    // _ANSIBLE_ name beside ANSIBLE_ ones. The application's own JUNIT_ names still fail.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/env.py",
                """
                import os

                CONFIG = os.environ.get("ANSIBLE_CONFIG")
                ASYNC = os.environ.get("ANSIBLE_ASYNC_DIR")
                COVERAGE = os.environ.get("_ANSIBLE_COVERAGE_CONFIG")
                SSH = os.environ.get("GIT_SSH"), os.environ.get("GIT_SSH_COMMAND")
                ORIGINAL = os.environ.get("SSH_ORIGINAL_COMMAND"), os.getenv("LD_PRELOAD", "")
                BUILD = os.environ["BUILD_BUILDID"], os.environ["SYSTEM_JOBATTEMPT"]
                AGENT = os.environ.get("AGENT_TEMPDIRECTORY"), os.getenv("DOCKER_HOST")
                RELIC = os.environ.get("NEW_RELIC_CONFIG_FILE"), os.getenv("SOURCE_DATE_EPOCH")
                ATTIC = os.environ.get("ATTIC_CACHE_DIR"), os.getenv("COVERAGE_FILE")
                OUTPUT = os.getenv("JUNIT_OUTPUT_DIR")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/env.py:12: JUNIT_OUTPUT_DIR does not share the prefix ANSIBLE_ of the other"
                + " variables");
  }

  @Test
  void withFewerThanTwoVariablesItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir).python().file("app/c.py", "import os\nos.getenv(\"DEBUG\")\n").build();

    assertThat(check(rule, repo, Profile.CLI).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
