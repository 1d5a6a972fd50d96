package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.SweepTrigger;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.Finding;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.core.report.JsonReportCodec;
import dev.fleetcheck.core.report.SampleReports;
import dev.fleetcheck.functions.common.EmbeddedPorts;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API handler over the embedded default's store in a test folder, seeded with one sweep of two
 * repositories (one scanned with a stored full report, one failed), with download links on a test
 * host and sweeps launched in-process over a one-repository inventory.
 */
final class ApiFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AT = Instant.parse("2026-12-07T03:05:00Z");
  static final String SWEEP = "sw-20261207T030000Z";
  static final String SCAN = "s-4f1c2a9d7b3e8a60";
  static final String LINK_HOST = "https://downloads.test/";

  final EmbeddedPorts embedded;
  final ApiHandler handler;
  final FunctionRuntime runtime;
  private int scans;

  ApiFixture(Path dir) {
    ReportLinks links =
        (key, validFor) -> URI.create(LINK_HOST + key + "?ttl=" + validFor.toSeconds());
    embedded = new EmbeddedPorts(dir, Clock.systemUTC(), 3);
    ResultStore results = embedded.ports().results();
    results.createSweep(new Sweep(SWEEP, AT, 2, "test-pack"));
    embedded.ports().reports().put("scans/x", new JsonReportCodec().encode(SampleReports.mixed()));
    results.putScan(
        new ScanRecord(
            SCAN,
            "payments-api",
            "payments",
            "https://github.com/acme/payments-api.git",
            "a".repeat(40),
            "test-pack",
            SWEEP,
            AT,
            new ScanOutcome.Succeeded(
                60.0, Map.of(Status.PASS, 7, Status.FAIL, 3), List.of("PY-SEC-041"), "scans/x")),
        List.of(new FailingRule("PY-SEC-041", Level.REQUIRED, 1, List.of())));
    results.recordSweepEntry(SweepEntry.done(SWEEP, "payments-api", SCAN, AT));
    results.recordSweepEntry(
        SweepEntry.failed(SWEEP, "legacy-scripts", "s-failed", ErrorCode.REPO_NOT_FOUND, AT));
    runtime = embedded.function("api");
    List<RepoRef> inventory =
        List.of(new RepoRef("payments-api", "https://github.com/acme/payments-api.git", "", ""));
    handler =
        new ApiHandler(
            runtime,
            links,
            id -> runtime.fleet().startSweep(() -> inventory).call(new SweepTrigger.Named(id)));
  }

  /** A scanned repository of the fixture's sweep whose latest scan fails {@code rules}. */
  String scan(String repository, String team, double score, String... rules) {
    return scanAt(repository, team, score, AT.plusSeconds(scans + 1), true, rules);
  }

  /**
   * A scan at {@code at}, entered in the fixture's sweep or on demand, failing {@code rules} with
   * one finding each.
   */
  String scanAt(
      String repository, String team, double score, Instant at, boolean inSweep, String... rules) {
    String id = "s-" + String.format("%016x", ++scans);
    List<FailingRule> failing = new ArrayList<>();
    for (String rule : rules) {
      failing.add(
          new FailingRule(
              rule,
              Level.REQUIRED,
              1,
              List.of(
                  new Finding("f-" + rule, "app/settings.py", 12, "evidence of " + rule, at, id))));
    }
    ResultStore results = embedded.ports().results();
    results.putScan(
        new ScanRecord(
            id,
            repository,
            team,
            "https://example.test/" + scans + ".git",
            "c".repeat(40),
            "test-pack",
            inSweep ? SWEEP : "",
            at,
            new ScanOutcome.Succeeded(
                score, Map.of(Status.FAIL, rules.length), List.of(rules), "scans/x")),
        failing);
    if (inSweep) {
      results.recordSweepEntry(SweepEntry.done(SWEEP, repository, id, at));
    }
    return id;
  }

  APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, new LocalContext("api", Duration.ofSeconds(29)));
  }

  static APIGatewayV2HTTPEvent sample(String name) {
    return SampleEvents.read("api/" + name, APIGatewayV2HTTPEvent.class);
  }

  /** A sample event with another body (and content-length left as sent). */
  static APIGatewayV2HTTPEvent withBody(String sample, String body) {
    APIGatewayV2HTTPEvent event = sample(sample);
    event.setBody(body);
    return event;
  }

  static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    event.setHeaders(headers);
    return event;
  }

  static APIGatewayV2HTTPEvent withScope(APIGatewayV2HTTPEvent event, String scope) {
    Map<String, String> claims =
        new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("scope", scope);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return event;
  }

  static JsonNode body(APIGatewayV2HTTPResponse response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String printed() {
    return embedded.printed();
  }

  @Override
  public void close() {
    embedded.close();
  }
}
