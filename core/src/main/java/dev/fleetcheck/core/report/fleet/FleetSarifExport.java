package dev.fleetcheck.core.report.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.report.SecuritySeverity;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingStatus;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet report as SARIF 2.1.0: one run for the whole sweep, because GitHub code scanning
 * rejects files with many runs (and runs sharing a category); each result's location names its
 * repository through {@code uriBaseId}, and {@code originalUriBaseIds} maps that ID to the
 * repository's URL where it has one. Rule levels map required to error, recommended to warning and
 * advisory to note. Scans that failed are tool execution notifications carrying the error code.
 */
public final class FleetSarifExport implements FleetRenderer {

  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String FINGERPRINT_KEY = "fleetcheckFinding/v1";

  /** The artifact URI of evidence about the repository as a whole: its root. */
  static final String REPOSITORY_ROOT = "./";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String render(FleetReportData data) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    List<String> ruleIds = referencedRules(data);
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "fleetcheck");
    driver.putObject("properties").put("rule_pack_digest", data.sweep().rulePackDigest());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new TreeMap<>();
    for (String id : ruleIds) {
      ruleIndex.put(id, ruleIndex.size());
      rules.add(rule(data.rule(id)));
    }

    run.putObject("automationDetails")
        .put("id", "fleetcheck-fleet/" + data.sweep().sweepId())
        .putObject("description")
        .put("text", "Fleetcheck sweep " + data.sweep().sweepId());

    ObjectNode baseIds = run.putObject("originalUriBaseIds");
    for (RepositoryResult repository : data.repositories()) {
      ObjectNode base = baseIds.putObject(repository.name());
      RepositorySource.baseUri(repository.source()).ifPresent(uri -> base.put("uri", uri));
      base.putObject("description").put("text", "Repository " + repository.name());
    }

    invocation(run.putArray("invocations").addObject(), data);

    boolean compared = data.sweep().previousSweepId().isPresent();
    ArrayNode results = run.putArray("results");
    for (RepositoryResult repository : data.repositories()) {
      if (!(repository instanceof RepositoryResult.Scanned scanned)) {
        continue;
      }
      for (FailedRule rule : scanned.failingRules()) {
        RuleInfo info = data.rule(rule.ruleId());
        if (rule.findings().isEmpty()) {
          ObjectNode result = result(results, scanned, rule, ruleIndex);
          result.putObject("message").put("text", info.title());
          location(result, scanned.name(), REPOSITORY_ROOT, 0);
          continue;
        }
        for (FindingDetail finding : rule.findings()) {
          ObjectNode result = result(results, scanned, rule, ruleIndex);
          result.putObject("message").put("text", finding.message());
          location(
              result,
              scanned.name(),
              finding.path().isEmpty() ? REPOSITORY_ROOT : relativeUri(finding.path()),
              finding.line());
          result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
          if (compared) {
            result.put(
                "baselineState", finding.status() == FindingStatus.NEW ? "new" : "unchanged");
          }
          ObjectNode properties = (ObjectNode) result.get("properties");
          properties
              .put("finding_status", finding.status().id())
              .put("first_seen_at", finding.firstSeenAt().toString());
        }
      }
    }

    run.putObject("properties")
        .put("sweep_id", data.sweep().sweepId())
        .put("sweep_started_at", data.sweep().startedAt().toString())
        .put("generated_at", data.generatedAt().toString())
        .put("expected", data.sweep().expected())
        .put("done", data.sweep().done())
        .put("failed", data.sweep().failed())
        .put("pending", data.sweep().pending());
    return FleetJsonExport.write(root);
  }

  private static List<String> referencedRules(FleetReportData data) {
    List<String> ids = new ArrayList<>();
    for (RepositoryResult repository : data.repositories()) {
      if (repository instanceof RepositoryResult.Scanned scanned) {
        scanned.failingRules().forEach(r -> ids.add(r.ruleId()));
      }
    }
    return ids.stream().distinct().sorted().toList();
  }

  private static ObjectNode rule(RuleInfo info) {
    ObjectNode rule = MAPPER.createObjectNode();
    rule.put("id", info.id());
    rule.putObject("shortDescription").put("text", info.title());
    rule.putObject("fullDescription")
        .put(
            "text",
            info.section().isEmpty()
                ? info.title()
                : info.title() + " (standard section " + info.section() + ")");
    rule.putObject("help").put("text", info.remediation());
    rule.putObject("defaultConfiguration").put("level", level(info.level()));
    ObjectNode properties = rule.putObject("properties");
    properties.put("level", info.level().id());
    properties.put("kind", info.kind().id());
    properties.put("automated", info.automated());
    ArrayNode tags = properties.putArray("tags").add("fleetcheck").add(info.level().id());
    SecuritySeverity.of(info.id(), info.level())
        .ifPresent(
            score -> {
              tags.add(SecuritySeverity.TAG);
              properties.put(SecuritySeverity.PROPERTY, score);
            });
    return rule;
  }

  private static void invocation(ObjectNode invocation, FleetReportData data) {
    List<RepositoryResult.Failed> failed = new ArrayList<>();
    for (RepositoryResult repository : data.repositories()) {
      if (repository instanceof RepositoryResult.Failed f) {
        failed.add(f);
      }
    }
    invocation.put("executionSuccessful", failed.isEmpty());
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (RepositoryResult.Failed repository : failed) {
      ObjectNode notification = notifications.addObject();
      notification.put("level", "error");
      notification
          .putObject("message")
          .put(
              "text",
              repository.name()
                  + ": "
                  + repository.errorCode().code()
                  + ": "
                  + repository.message());
      notification.putObject("descriptor").put("id", repository.errorCode().code());
      ArrayNode locations = notification.putArray("locations");
      locations
          .addObject()
          .putObject("physicalLocation")
          .putObject("artifactLocation")
          .put("uri", REPOSITORY_ROOT)
          .put("uriBaseId", repository.name());
      notification
          .putObject("properties")
          .put("repository", repository.name())
          .put("team", repository.team())
          .put("scan_id", repository.scanId())
          .put("error_code", repository.errorCode().code());
    }
  }

  private static ObjectNode result(
      ArrayNode results,
      RepositoryResult.Scanned repository,
      FailedRule rule,
      Map<String, Integer> ruleIndex) {
    ObjectNode result = results.addObject();
    result.put("ruleId", rule.ruleId());
    result.put("ruleIndex", ruleIndex.get(rule.ruleId()));
    result.put("level", level(rule.level()));
    result
        .putObject("properties")
        .put("repository", repository.name())
        .put("team", repository.team())
        .put("scan_id", repository.scanId())
        .put("commit", repository.commit())
        .put("score", repository.score())
        .put("finding_count", rule.findingCount())
        .put("new_failure", rule.isNew());
    return result;
  }

  private static void location(ObjectNode result, String repository, String uri, int line) {
    ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri).put("uriBaseId", repository);
    if (line > 0) {
      physical.putObject("region").put("startLine", line);
    }
  }

  static String level(Level level) {
    return switch (level) {
      case REQUIRED -> "error";
      case RECOMMENDED -> "warning";
      case ADVISORY -> "note";
    };
  }

  /**
   * A repository-relative path as a relative URI reference: characters a URI cannot hold are
   * percent-encoded, and a first segment with a colon is prefixed with "./" so that it cannot read
   * as a scheme.
   */
  static String relativeUri(String path) {
    try {
      String encoded = new URI(null, null, path, null).toASCIIString();
      int colon = encoded.indexOf(':');
      int slash = encoded.indexOf('/');
      return colon >= 0 && (slash < 0 || colon < slash) ? "./" + encoded : encoded;
    } catch (URISyntaxException e) {
      return REPOSITORY_ROOT;
    }
  }
}
