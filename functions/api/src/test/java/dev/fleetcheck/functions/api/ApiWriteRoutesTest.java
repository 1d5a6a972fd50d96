package dev.fleetcheck.functions.api;

import static dev.fleetcheck.functions.api.ApiFixture.body;
import static dev.fleetcheck.functions.api.ApiFixture.sample;
import static dev.fleetcheck.functions.api.ApiFixture.withBody;
import static dev.fleetcheck.functions.api.ApiFixture.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.report.ReportSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiWriteRoutesTest {

  @TempDir Path dir;
  private ApiFixture api;

  @BeforeEach
  void open() {
    api = new ApiFixture(dir);
  }

  @AfterEach
  void close() {
    api.close();
  }

  private List<ScanJob> queued() {
    return api.embedded.ports().queue().receive(JobQueue.MAX_BATCH).stream()
        .map(d -> ScanJobCodec.decode(d.body()))
        .toList();
  }

  @Test
  void postScanQueuesTheJobAndAnswers202WithTheLocationOfTheRepositoryHistory() {
    APIGatewayV2HTTPResponse response = api.invoke(sample("post-scan.json"));

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("location", "/v1/repos/payments-api/scans");
    JsonNode reply = body(response);
    assertThat(reply.path("repository").asText()).isEqualTo("payments-api");
    assertThat(reply.path("duplicate").asBoolean()).isFalse();
    List<ScanJob> jobs = queued();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).jobId()).isEqualTo(reply.path("job_id").asText());
    assertThat(jobs.get(0).repository().url())
        .isEqualTo("https://github.com/acme/payments-api.git");
    assertThat(jobs.get(0).repository().defaultBranch()).isEqualTo("main");
    assertThat(jobs.get(0).inSweep()).isFalse();
  }

  @Test
  void theSameIdempotencyKeyAndBodyAnswerTheFirstJobAndQueueNothingMore() {
    JsonNode first = body(api.invoke(sample("post-scan.json")));
    APIGatewayV2HTTPResponse again = api.invoke(sample("post-scan.json"));

    assertThat(again.getStatusCode()).isEqualTo(202);
    assertThat(body(again).path("job_id").asText()).isEqualTo(first.path("job_id").asText());
    assertThat(body(again).path("duplicate").asBoolean()).isTrue();
    assertThat(queued()).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsA409() {
    api.invoke(sample("post-scan.json"));

    APIGatewayV2HTTPResponse response =
        api.invoke(
            withBody(
                "post-scan.json", "{\"repository_url\":\"https://github.com/acme/other.git\"}"));

    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(body(response).path("error_code").asText()).isEqualTo("idempotency_conflict");
    assertThat(queued()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"repository_url\":\"https://user:ghp_secret123@github.com/acme/a.git\"}",
        "{\"repository_url\":\"ext::sh -c touch% /tmp/pwned\"}",
        "{\"repository_url\":\"file:///etc\"}",
        "{\"repository_url\":\"https://github.com/acme/a.git?token=ghp_secret123\"}",
        "{\"repository_url\":\"https://github.com/\"}"
      })
  void anUnsafeRepositoryUrlIsA400ThatNeverRepeatsIt(String body) {
    APIGatewayV2HTTPResponse response =
        api.invoke(withHeader(withBody("post-scan.json", body), "idempotency-key", null));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).path("error_code").asText()).isEqualTo("invalid_repo_url");
    assertThat(response.getBody()).doesNotContain("ghp_secret123").doesNotContain("pwned");
    assertThat(api.printed()).doesNotContain("ghp_secret123");
    assertThat(queued()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{not json",
        "{\"repository_url\":42}",
        "{\"repository_url\":\"https://github.com/acme/a.git\",\"extra\":1}",
        "{\"repository_url\":\"https://github.com/acme/a.git\",\"ref\":\"../../x\"}"
      })
  void anInvalidBodyIsA400InTheErrorShape(String body) {
    APIGatewayV2HTTPResponse response = api.invoke(withBody("post-scan.json", body));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).path("error_code").asText()).isEqualTo("invalid_argument");
    assertThat(queued()).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsA413() {
    String url = "https://github.com/acme/" + "a".repeat(ApiRouter.MAX_BODY_BYTES) + ".git";
    APIGatewayV2HTTPResponse response =
        api.invoke(withBody("post-scan.json", "{\"repository_url\":\"" + url + "\"}"));

    assertThat(response.getStatusCode()).isEqualTo(413);
    assertThat(body(response).path("error_code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void aBase64BodyIsDecodedAndABrokenOneIsA400() {
    APIGatewayV2HTTPEvent encoded = sample("post-scan.json");
    encoded.setBody(
        Base64.getEncoder().encodeToString(encoded.getBody().getBytes(StandardCharsets.UTF_8)));
    encoded.setIsBase64Encoded(true);
    APIGatewayV2HTTPEvent broken = withBody("post-scan.json", "%%%");
    broken.setIsBase64Encoded(true);

    assertThat(api.invoke(encoded).getStatusCode()).isEqualTo(202);
    assertThat(api.invoke(broken).getStatusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource({
    "json, application/json",
    "sarif, application/sarif+json",
    "csv, text/csv; charset=utf-8",
    "md, text/markdown; charset=utf-8"
  })
  void aScanReportIsServedInEachFormat(String format, String contentType) {
    APIGatewayV2HTTPEvent event = sample("get-scan-report.json");
    event.setQueryStringParameters(Map.of("format", format));

    APIGatewayV2HTTPResponse response = api.invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("content-type", contentType);
    assertThat(response.getBody()).contains("PY-LCL-001");
    if (format.equals("json")) {
      assertThat(ReportSchema.violations(response.getBody())).isEmpty();
    }
  }

  @Test
  void aReportInAnUnknownFormatIsA400AndOfAnUnknownScanA404() {
    APIGatewayV2HTTPEvent format = sample("get-scan-report.json");
    format.setQueryStringParameters(Map.of("format", "pdf"));
    APIGatewayV2HTTPEvent unknown = sample("get-scan-report.json");
    unknown.setPathParameters(Map.of("id", "s-unknown"));

    assertThat(api.invoke(format).getStatusCode()).isEqualTo(400);
    APIGatewayV2HTTPResponse missing = api.invoke(unknown);
    assertThat(missing.getStatusCode()).isEqualTo(404);
    assertThat(body(missing).path("error_code").asText()).isEqualTo("scan_not_found");
  }

  @Test
  void postSweepLaunchesTheSweepTheIdempotencyKeyNamesAndARetryResumesIt() {
    APIGatewayV2HTTPResponse response = api.invoke(sample("post-sweep.json"));

    assertThat(response.getStatusCode()).isEqualTo(202);
    String sweepId = body(response).path("sweep_id").asText();
    assertThat(response.getHeaders()).containsEntry("location", "/v1/sweeps/" + sweepId);
    assertThat(queued()).extracting(ScanJob::sweepId).containsExactly(sweepId);

    APIGatewayV2HTTPResponse again = api.invoke(sample("post-sweep.json"));
    assertThat(body(again).path("sweep_id").asText()).isEqualTo(sweepId);
    APIGatewayV2HTTPEvent read = sample("get-sweep.json");
    read.setPathParameters(Map.of("id", sweepId));
    assertThat(body(api.invoke(read)).path("expected").asInt()).isEqualTo(1);
  }

  @Test
  void postSweepRefusesAnInvalidSweepId() {
    APIGatewayV2HTTPEvent event =
        withHeader(withBody("post-sweep.json", "{\"sweep_id\":\"../x\"}"), "idempotency-key", null);

    assertThat(api.invoke(event).getStatusCode()).isEqualTo(400);
    assertThat(queued()).isEmpty();
  }

  @Test
  void aSweepShowsItsProgressTheReasonOfEachFailureAndItsChangesSinceThePreviousSweep() {
    JsonNode sweep = body(api.invoke(sample("get-sweep.json")));

    assertThat(sweep.path("expected").asInt()).isEqualTo(2);
    assertThat(sweep.path("done").asInt()).isEqualTo(1);
    assertThat(sweep.path("failed").asInt()).isEqualTo(1);
    assertThat(sweep.path("failures").get(0).path("error_code").asText())
        .isEqualTo("repo_not_found");
    JsonNode comparison = sweep.path("comparison");
    assertThat(comparison.path("previous_sweep_id").isNull()).isTrue();
    assertThat(comparison.path("new_failures").asInt()).isEqualTo(1);
    assertThat(comparison.path("by_rule").get(0).path("rule_id").asText()).isEqualTo("PY-SEC-041");
  }

  @Test
  void postExportStoresTheFilteredExportAndItsLocationGivesADownloadLink() {
    APIGatewayV2HTTPResponse created = api.invoke(sample("post-export.json"));

    assertThat(created.getStatusCode()).isEqualTo(202);
    String id = body(created).path("export_id").asText();
    assertThat(created.getHeaders()).containsEntry("location", "/v1/exports/" + id);
    assertThat(body(created).path("filters").path("band").asText()).isEqualTo("weak");

    APIGatewayV2HTTPEvent read = sample("get-export.json");
    read.setPathParameters(Map.of("id", id));
    JsonNode export = body(api.invoke(read));
    assertThat(export.path("status").asText()).isEqualTo("ready");
    String key = "exports/" + id + "/fleet-report.csv";
    assertThat(export.path("download_url").asText())
        .isEqualTo(ApiFixture.LINK_HOST + key + "?ttl=900");
    String csv =
        new String(api.embedded.ports().reports().get(key).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(csv).contains("payments-api").doesNotContain("legacy-scripts");
    assertThat(api.printed())
        .contains("\"action\":\"export.created\"")
        .contains("\"action\":\"export.link_issued\"")
        .doesNotContain("eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ")
        .doesNotContain("ci-pipeline");
  }

  @Test
  void anExportKeyReusedWithTheSameRequestAnswersTheFirstAndWithAnotherIsA409() {
    String first = body(api.invoke(sample("post-export.json"))).path("export_id").asText();

    APIGatewayV2HTTPResponse same = api.invoke(sample("post-export.json"));
    APIGatewayV2HTTPResponse other =
        api.invoke(withBody("post-export.json", "{\"format\":\"json\"}"));

    assertThat(body(same).path("export_id").asText()).isEqualTo(first);
    assertThat(other.getStatusCode()).isEqualTo(409);
  }

  @Test
  void anExportOfAnUnknownSweepIsA404AndAnUnknownExportToo() {
    APIGatewayV2HTTPResponse sweep =
        api.invoke(
            withHeader(
                withBody("post-export.json", "{\"format\":\"html\",\"sweep_id\":\"sw-none\"}"),
                "idempotency-key",
                null));
    APIGatewayV2HTTPResponse export = api.invoke(sample("get-export.json"));

    assertThat(sweep.getStatusCode()).isEqualTo(404);
    assertThat(body(sweep).path("error_code").asText()).isEqualTo("sweep_not_found");
    assertThat(export.getStatusCode()).isEqualTo(404);
    assertThat(body(export).path("error_code").asText()).isEqualTo("export_not_found");
  }

  @Test
  void anExportInAnUnknownFormatIsA400() {
    APIGatewayV2HTTPResponse response =
        api.invoke(withBody("post-export.json", "{\"format\":\"pdf\"}"));

    assertThat(response.getStatusCode()).isEqualTo(400);
  }
}
