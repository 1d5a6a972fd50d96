package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationIdHeaderTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new CorrelationIdHeader(), repo.build(), Profile.API);
  }

  @Test
  void passesOnXRequestIdHandling() {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/middleware.py",
                        "async def mw(request, call_next):\n"
                            + "    rid = request.headers.get('X-Request-ID') or new_id()\n"
                            + "    response = await call_next(request)\n")))
        .isEqualTo(
            Outcome.pass(Evidence.at("app/middleware.py", 2, "X-Request-Id handled in code")));
  }

  @Test
  void passesOnAsgiCorrelationIdOrPowertoolsCorrelation(@TempDir Path other) {
    assertThat(
            check(FixtureRepo.in(dir).file("requirements.txt", "asgi-correlation-id==4.3\n"))
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            RuleFixture.check(
                    new CorrelationIdHeader(),
                    FixtureRepo.in(other)
                        .python()
                        .file(
                            "fn/app.py",
                            "@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)\n"
                                + "def handler(event, context):\n    pass\n")
                        .build(),
                    Profile.API)
                .status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenOnlyTestsMentionTheHeader() {
    assertThat(
            check(
                    FixtureRepo.in(dir)
                        .python()
                        .file("app/main.py", "app = FastAPI()\n")
                        .file("tests/test_api.py", "assert r.headers['X-Request-Id']\n"))
                .status())
        .isEqualTo(Status.FAIL);
  }

  @Test
  void theHeaderScanFindsWhatTheCaseInsensitiveExpressionFinds() {
    Pattern header = Pattern.compile("x[-_]request[-_]id", Pattern.CASE_INSENSITIVE);
    List<String> texts =
        List.of(
            "headers['X-Request-Id']",
            "X_REQUEST_ID = 1",
            "x-request_iD",
            "x-request-i",
            "xx-request-idx",
            "x request-id",
            "x-requests-id",
            "x\u2010request-id",
            "x-re\u017Fquest-id",
            "x-request-\u0130d",
            "",
            "prefix\nx-Request-id");

    for (String text : texts) {
      Matcher m = header.matcher(text);
      assertThat(CorrelationIdHeader.indexOfRequestId(text))
          .as(text)
          .isEqualTo(m.find() ? m.start() : -1);
    }
  }

  @Test
  void osloMiddlewareRequestIdCounts(@TempDir Path paste, @TempDir Path other) {
    // keystone: the middleware comes through an entry point; CORS exposes its header.
    Outcome keystone =
        RuleFixture.check(
            new CorrelationIdHeader(),
            FixtureRepo.in(dir)
                .python()
                .file(
                    "svc/conf.py",
                    """
                    from oslo_middleware import cors

                    def set_external_opts_defaults():
                        cors.set_defaults(
                            allow_headers=['X-Auth-Token', 'X-Openstack-Request-Id'],
                            expose_headers=['X-Auth-Token', 'X-Openstack-Request-Id'])
                    """)
                .build(),
            Profile.API);
    assertThat(keystone)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "svc/conf.py",
                    5,
                    "X-OpenStack-Request-Id (oslo.middleware RequestId) returns x-openstack-request-id on every response")));
    // aodh: a paste pipeline wires it.
    Outcome pipeline =
        RuleFixture.check(
            new CorrelationIdHeader(),
            FixtureRepo.in(paste)
                .python()
                .file("svc/app.py", "import pecan\n")
                .file(
                    "svc/api-paste.ini",
                    "[filter:request_id]\npaste.filter_factory = oslo_middleware:RequestId.factory\n")
                .build(),
            Profile.API);
    assertThat(pipeline)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "svc/api-paste.ini",
                    2,
                    "oslo.middleware RequestId returns x-openstack-request-id on every response")));
    // oslo.middleware for CORS alone, without its request id header, is no correlation id.
    Outcome corsOnly =
        RuleFixture.check(
            new CorrelationIdHeader(),
            FixtureRepo.in(other)
                .python()
                .file(
                    "svc/conf.py",
                    "from oslo_middleware import cors\ncors.set_defaults(allow_headers=['X-Auth-Token'])\n")
                .build(),
            Profile.API);
    assertThat(corsOnly.status()).isEqualTo(Status.FAIL);
  }
}
