package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationIdInboundTest {

  @TempDir Path dir;

  private Outcome check(FixtureRepo repo) {
    return RuleFixture.check(new CorrelationIdInbound(), repo.build(), Profile.API);
  }

  @Test
  void anInboundIdWithAGeneratedFallbackPasses() {
    Outcome outcome =
        check(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/middleware.py",
                    """
                    from uuid import uuid4


                    async def correlate(request, call_next):
                        rid = request.headers.get(
                            "X-Correlation-ID"
                        ) or str(uuid4())
                        return await call_next(request)
                    """));

    assertThat(outcome)
        .isEqualTo(
            Outcome.pass(
                Evidence.at(
                    "app/middleware.py", 6, "X-Correlation-ID accepted, generated when missing")));
  }

  @Test
  void middlewareLibrariesPowertoolsAndTheLambdaRequestIdPass(@TempDir Path a, @TempDir Path b) {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/main.py",
                        "from asgi_correlation_id import CorrelationIdMiddleware\n")))
        .extracting(Outcome::status)
        .isEqualTo(Status.PASS);
    assertThat(
            check(
                FixtureRepo.in(a)
                    .python()
                    .file(
                        "fn/app.py",
                        """
                            from aws_lambda_powertools import Logger
                            logger = Logger()

                            @logger.inject_lambda_context(correlation_id_path="requestContext.requestId")
                            def handler(event, context):
                                return {}
                            """)))
        .extracting(Outcome::status)
        .isEqualTo(Status.PASS);
    assertThat(
            check(
                FixtureRepo.in(b)
                    .python()
                    .file(
                        "fn/app.py",
                        "def handler(event, context):\n"
                            + "    log.info('start', extra={'rid':"
                            + " event['requestContext']['requestId']})\n")))
        .extracting(Outcome::status)
        .isEqualTo(Status.PASS);
  }

  @Test
  void aReadWithoutFallbackOrNoIdAtAllFails(@TempDir Path other) {
    assertThat(
            check(
                FixtureRepo.in(dir)
                    .python()
                    .file(
                        "app/views.py",
                        "def view(request):\n    return request.headers['X-Request-Id']\n")
                    .file(
                        "tests/test_mw.py",
                        "import uuid\nfrom asgi_correlation_id import CorrelationIdMiddleware\n")))
        .isEqualTo(
            Outcome.fail(
                Evidence.at(
                    "app/views.py",
                    2,
                    "X-Request-Id is read but no id is generated when it is missing")));
    assertThat(
            check(
                FixtureRepo.in(other)
                    .python()
                    .file(
                        "app/main.py",
                        "# X-Request-Id: request.headers.get('X-Request-Id')\n"
                            + "HELP = \"send request.headers['X-Request-Id']\"\n")))
        .extracting(Outcome::status)
        .isEqualTo(Status.FAIL);
  }

  @Test
  void osloMiddlewareRequestIdCounts(@TempDir Path paste, @TempDir Path other) {
    // keystone: the middleware comes through an entry point; CORS exposes its header.
    Outcome keystone =
        RuleFixture.check(
            new CorrelationIdInbound(),
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
                    "X-OpenStack-Request-Id (oslo.middleware RequestId) generates a request id and keeps an inbound one")));
    // aodh: a paste pipeline wires it.
    Outcome pipeline =
        RuleFixture.check(
            new CorrelationIdInbound(),
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
                    "oslo.middleware RequestId generates a request id and keeps an inbound one")));
    // oslo.middleware for CORS alone, without its request id header, is no correlation id.
    Outcome corsOnly =
        RuleFixture.check(
            new CorrelationIdInbound(),
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
