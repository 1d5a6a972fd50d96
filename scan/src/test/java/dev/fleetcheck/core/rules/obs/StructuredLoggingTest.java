package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredLoggingTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new StructuredLogging(), repo.build());
  }

  @Test
  void passesOnAStructlogDependency() {
    assertThat(check(FixtureRepo.in(dir).file("requirements.txt", "structlog==24.1.0\n")))
        .isEqualTo(
            Outcome.pass(Evidence.at("requirements.txt", 1, "structlog gives structured logs")));
  }

  @Test
  void passesOnAPythonJsonLoggerImport() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("app/log.py", "from pythonjsonlogger import jsonlogger\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void passesOnAJsonFormatterInALoggingConfig() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "config/logging.yaml",
                    "formatters:\n  json:\n    (): pythonjsonlogger.json.JsonFormatter\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence().get(0).path()).isEqualTo("config/logging.yaml");
  }

  @Test
  void passesOnAFormatterSubclassThatDumpsJson() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file(
                            "app/logs.py",
                            "import json, logging\n\nclass JsonLines(logging.Formatter):\n"
                                + "    def format(self, record):\n"
                                + "        return json.dumps({'msg': record.getMessage()})\n"))
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsOnPlainLoggingAndIgnoresTestsAndComments() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("app/main.py", "import logging\n# import structlog\nlogging.basicConfig()\n")
                .file("tests/test_logs.py", "import structlog\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void isRequiredForServicesAndFunctionsOnly() {
    StructuredLogging rule = new StructuredLogging();
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.API)))
        .isEqualTo(Level.REQUIRED);
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.LAMBDA)))
        .isEqualTo(Level.REQUIRED);
    assertThat(rule.level(Level.RECOMMENDED, Set.of(Profile.PYTHON, Profile.CLI)))
        .isEqualTo(Level.RECOMMENDED);
  }

  @Test
  void aClassNamedJsonFormatterThatIsNotALogFormatterDoesNotCount() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "tool/output.py",
                    """
                    \"\"\"Output formats; logging uses handler.setFormatter(JSONFormatter()).\"\"\"
                    import json, logging
                    class JSONFormatter(BaseOutputFormatter):
                        def render(self, rows):
                            return json.dumps(rows)
                    # handler.setFormatter(JSONFormatter())
                    FORMATS = {"json": JSONFormatter, "class": "JSONFormatter"}
                    logging.basicConfig(level=logging.INFO)
                    """)
                .file("config/formats.yaml", "json:\n  formatter: tool.output.JSONFormatter\n")
                .file("tests/test_logs.py", "handler.setFormatter(JSONFormatter())\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aJsonFormatterHandedToAHandlerOrADictConfigCounts() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file("tool/formats.py", "class JSONFormatter(BaseOutputFormatter):\n    pass\n")
                .file(
                    "tool/log.py",
                    """
                    import logging
                    from tool.formats import JSONFormatter
                    formatter = JSONFormatter(
                        fmt="%(message)s",
                    )
                    handler = logging.StreamHandler()
                    handler.setFormatter(formatter)
                    """));
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at("tool/log.py", 7, "JSON log formatter JSONFormatter configured")));

    Outcome dictConfig =
        check(
            FixtureRepo.in(dir.resolve("b"))
                .python()
                .file(
                    "app/settings.py",
                    """
                    LOGGING = {
                        "version": 1,
                        "formatters": {"json": {"class": "app.logs.JsonLogFormatter"}},
                    }
                    """));
    assertThat(dictConfig.status()).isEqualTo(Status.PASS);

    Outcome factory =
        check(
            FixtureRepo.in(dir.resolve("c"))
                .python()
                .file(
                    "app/log.py",
                    "logging.config.dictConfig({'formatters': {'j': {\n"
                        + "    '()': 'app.logs.JSONFormatter'}}})\n"));
    assertThat(factory)
        .isEqualTo(
            Outcome.pass(
                Evidence.at("app/log.py", 2, "JSON log formatter JSONFormatter configured")));
  }

  @Test
  void aFormatterSubclassNamedForJsonCounts() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/logs.py",
                    "import logging, orjson\n\nclass JSONFormatter(logging.Formatter):\n"
                        + "    def format(self, record):\n"
                        + "        return orjson.loads(b'{}')\n"));
    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void osloLogRegisteredOnTheServiceConfigurationCounts() {
    // keystone, barbican: oslo.log's use_json option selects its JSONFormatter.
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "svc/conf.py",
                    """
                    from oslo_config import cfg
                    from oslo_log import log

                    CONF = cfg.CONF

                    def configure():
                        log.register_options(CONF)
                        log.setup(CONF, 'svc')
                    """));
    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "svc/conf.py",
                    7,
                    "oslo.log options registered: use_json = True writes JSON logs")));
  }

  @Test
  void osloLogUsedOnlyForLoggersDoesNotCount() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "svc/api.py",
                    "from oslo_log import log\nLOG = log.getLogger(__name__)\n"
                        + "def register_options(conf):\n    conf.register_opts([])\n"));
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
  }
}
