package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedSecretsTest {

  @TempDir Path dir;
  private final LoggedSecrets rule = new LoggedSecrets();

  private static final String HANDLER =
      """
      import json
      import logging
      from aws_lambda_powertools import Logger

      log = logging.getLogger(__name__)
      logger = Logger()

      def handler(event, context):
          logger.info(event)
          print(json.dumps(event, indent=2))
          log.debug("headers: %s", event["headers"])
          token = event["token"]
          log.info(f"refreshing with {token}")
          log.warning(
              "login failed",
              extra={"user": "u", "password": password},
          )
          logger.info("auth", apiKey=self.apiKey)
          return {"statusCode": 200}
      """;

  private static final String VIEWS =
      """
      import logging
      log = logging.getLogger(__name__)

      def view(request):
          log.info("incoming %s", request.headers)
          log.error("bad auth header %s", request.META)
          log.info("secret=%s", settings.CLIENT_SECRET)
      """;

  @Test
  void aNameIsSecretLikeByItsLastSegment() {
    assertThat(
            java.util.stream.Stream.of(
                "access_token",
                "apiKey",
                "DB_PASSWORD",
                "client_secret",
                "private_key",
                "SECRET_KEY",
                "session_id",
                "self.refresh_token".substring("self.".length())))
        .allMatch(LoggedSecrets::secretLike);
    assertThat(
            java.util.stream.Stream.of(
                "token_pos",
                "token_url",
                "password_hash",
                "max_tokens",
                "tokenizer",
                "secret_arn",
                "pwd",
                "key",
                "user_id"))
        .noneMatch(LoggedSecrets::secretLike);
  }

  @Test
  void secretsHeaderMapsAndWholeLambdaEventsInLogCallsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/handler.py", HANDLER)
            .file("app/views.py", VIEWS)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "app/handler.py:9: logger.info(...) logs the whole Lambda event (event)",
            "app/handler.py:10: print(...) logs the whole Lambda event (json.dumps(event, indent=2))",
            "app/handler.py:11: log.debug(...) logs a whole header map (event[\"headers\"])",
            "app/handler.py:13: log.info(...) logs a secret-like value (token)",
            "app/handler.py:14: log.warning(...) logs a secret-like value (password)",
            "app/handler.py:18: logger.info(...) logs a secret-like value (self.apiKey)",
            "app/views.py:5: log.info(...) logs a whole header map (request.headers)",
            "app/views.py:6: log.error(...) logs a whole header map (request.META)",
            "app/views.py:7: log.info(...) logs a secret-like value (settings.CLIENT_SECRET)");
  }

  @Test
  void aLogFunctionImportedUnderAnotherNameIsStillALogCall() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                "from logging import warning as note\n\ndef login(password):\n"
                    + "    note(\"login %s\", password)\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly("app/auth.py:4: note(...) logs a secret-like value (password)");
  }

  @Test
  void anEventOutsideLambdaCodeIsNotAWholeLambdaEvent() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/bus.py",
                "import logging\nlog = logging.getLogger(__name__)\n\n"
                    + "def on(event):\n    log.info(\"got %s\", event)\n    print(event)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void maskedValuesMessagesCommentsStringsReferencesTestsAndExamplesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/ok.py",
                """
                import logging
                log = logging.getLogger(__name__)

                # log.info(token)
                TEXT = "log.info(password)"

                def handler(event, context):
                    log.debug("token refreshed")
                    log.info("token %s", mask(token))
                    log.info(f"using {redact(api_key)} for {user}")
                    log.info("token url %s, type %s", token_url, token_type)
                    log.info("max %d", max_tokens)
                    log.info("id %s", event["requestContext"]["requestId"])
                    log.info("password {password} set")
                    log.info("{{token}} literal braces", f"{{token}}")
                """)
            .file("tests/test_handler.py", "import logging\nlogging.info(password)\n")
            .file("examples/demo.py", "import logging\nlogging.info(token)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }

  /** The cheap pre-check of secretLike must let every secret word and pair through, in any case. */
  @Test
  void everySecretWordAndPairIsStillSecretLike() {
    for (String word : LoggedSecrets.SECRET_WORDS) {
      assertThat(LoggedSecrets.secretLike(word)).as(word).isTrue();
      assertThat(LoggedSecrets.secretLike("db_" + word.toUpperCase(java.util.Locale.ROOT)))
          .as(word)
          .isTrue();
    }
    for (String pair : LoggedSecrets.SECRET_PAIRS) {
      assertThat(LoggedSecrets.secretLike(pair)).as(pair).isTrue();
    }
  }
}
