package dev.fleetcheck.core.report.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.report.fleet.FleetReportData.AssistedFindings;
import dev.fleetcheck.core.report.fleet.FleetReportData.FailedRule;
import dev.fleetcheck.core.report.fleet.FleetReportData.FindingDetail;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryChange;
import dev.fleetcheck.core.report.fleet.FleetReportData.RepositoryResult;
import dev.fleetcheck.core.report.fleet.FleetReportData.RuleInfo;
import dev.fleetcheck.core.report.fleet.FleetReportData.RulePassRate;
import dev.fleetcheck.core.report.fleet.FleetReportData.ScoreBucket;
import dev.fleetcheck.core.report.fleet.FleetReportData.SweepSummary;
import dev.fleetcheck.core.report.fleet.FleetReportData.TeamSummary;
import dev.fleetcheck.core.report.fleet.FleetReportData.Totals;
import java.util.List;
import java.util.Optional;

/**
 * The fleet report as JSON with stable snake_case fields in a fixed order; absent values are {@code
 * null}, never missing, so consumers can rely on every field. {@value #FORMAT_VERSION} is bumped on
 * any change a consumer could notice.
 */
public final class FleetJsonExport implements FleetRenderer {

  public static final String FORMAT = "fleetcheck-fleet-report";
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String render(FleetReportData data) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("generated_at", data.generatedAt().toString());
    root.set("sweep", sweep(data.sweep()));
    root.set("totals", totals(data.totals()));
    ArrayNode distribution = root.putArray("score_distribution");
    for (ScoreBucket bucket : data.scoreDistribution()) {
      distribution
          .addObject()
          .put("lower", bucket.lower())
          .put("upper", bucket.upper())
          .put("label", bucket.label())
          .put("count", bucket.count());
    }
    ArrayNode rates = root.putArray("pass_rates");
    for (RulePassRate rate : data.passRates()) {
      ObjectNode node =
          rates
              .addObject()
              .put("rule_id", rate.ruleId())
              .put("passed", rate.passed())
              .put("failed", rate.failed())
              .put("waived", rate.waived())
              .put("errored", rate.errored())
              .put("not_applicable", rate.notApplicable())
              .put("scored", rate.scored());
      putOptional(node, "pass_rate", rate.rate());
    }
    ObjectNode kinds = root.putObject("rule_kinds");
    data.ruleKinds().forEach((kind, count) -> kinds.put(kind.id(), count));
    ArrayNode assisted = root.putArray("assisted_findings");
    for (AssistedFindings tally : data.assistedFindings()) {
      assisted
          .addObject()
          .put("rule_id", tally.ruleId())
          .put("failed", tally.failed())
          .put("waived", tally.waived())
          .put("no_evident_violation", tally.noEvidentViolation())
          .put("errored", tally.errored())
          .put("not_applicable", tally.notApplicable());
    }
    ArrayNode teams = root.putArray("teams");
    for (TeamSummary team : data.teams()) {
      ObjectNode node =
          teams
              .addObject()
              .put("team", team.team())
              .put("repositories", team.repositories())
              .put("scanned", team.scanned())
              .put("failed_scans", team.failedScans());
      putOptional(node, "mean_score", team.meanScore());
      node.put("repositories_with_failures", team.repositoriesWithFailures());
      node.put("worst_rule", team.worstRule().orElse(null));
      node.put("worst_rule_repositories", team.worstRuleRepositories());
    }
    ArrayNode worst = root.putArray("worst_repositories");
    for (RepositoryResult.Scanned repository : data.worstRepositories()) {
      worst
          .addObject()
          .put("repository", repository.name())
          .put("team", repository.team())
          .put("score", repository.score())
          .put("band", repository.band().id())
          .put("failing_rules", repository.failingRules().size());
    }
    ArrayNode changes = root.putArray("changes");
    for (RepositoryChange change : data.changes()) {
      ObjectNode node = changes.addObject().put("repository", change.repository());
      strings(node.putArray("new_failures"), change.newFailures());
      strings(node.putArray("fixed"), change.fixed());
    }
    ArrayNode repositories = root.putArray("repositories");
    for (RepositoryResult repository : data.repositories()) {
      repositories.add(repository(repository));
    }
    ArrayNode rules = root.putArray("rules");
    for (RuleInfo rule : data.rules().values()) {
      rules
          .addObject()
          .put("rule_id", rule.id())
          .put("section", rule.section())
          .put("title", rule.title())
          .put("level", rule.level().id())
          .put("kind", rule.kind().id())
          .put("automated", rule.automated())
          .put("remediation", rule.remediation());
    }
    return write(root);
  }

  private static ObjectNode sweep(SweepSummary sweep) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("sweep_id", sweep.sweepId())
        .put("started_at", sweep.startedAt().toString())
        .put("rule_pack_digest", sweep.rulePackDigest())
        .put("expected", sweep.expected())
        .put("done", sweep.done())
        .put("failed", sweep.failed())
        .put("pending", sweep.pending())
        .put("previous_sweep_id", sweep.previousSweepId().orElse(null));
    return node;
  }

  private static ObjectNode totals(Totals totals) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("repositories", totals.repositories())
        .put("scanned", totals.scanned())
        .put("failed_scans", totals.failedScans());
    putOptional(node, "mean_score", totals.meanScore());
    node.put("repositories_with_failures", totals.repositoriesWithFailures())
        .put("failing_rules", totals.failingRules())
        .put("new_findings", totals.newFindings())
        .put("still_open_findings", totals.stillOpenFindings())
        .put("new_failures", totals.newFailures())
        .put("fixed_rules", totals.fixedRules())
        .put("reports_unreadable", totals.reportsUnreadable());
    return node;
  }

  private static ObjectNode repository(RepositoryResult repository) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("repository", repository.name())
        .put("team", repository.team())
        .put("source", repository.source())
        .put("scan_id", repository.scanId());
    if (repository instanceof RepositoryResult.Failed failed) {
      node.put("status", "failed")
          .put("error_code", failed.errorCode().code())
          .put("message", failed.message());
      return node;
    }
    RepositoryResult.Scanned scanned = (RepositoryResult.Scanned) repository;
    node.put("status", "scanned")
        .put("commit", scanned.commit())
        .put("scanned_at", scanned.scannedAt().toString())
        .put("score", scanned.score())
        .put("band", scanned.band().id());
    ArrayNode rules = node.putArray("failing_rules");
    for (FailedRule rule : scanned.failingRules()) {
      ObjectNode ruleNode =
          rules
              .addObject()
              .put("rule_id", rule.ruleId())
              .put("level", rule.level().id())
              .put("finding_count", rule.findingCount())
              .put("new_failure", rule.isNew());
      ArrayNode findings = ruleNode.putArray("findings");
      for (FindingDetail finding : rule.findings()) {
        findings
            .addObject()
            .put("fingerprint", finding.fingerprint())
            .put("path", finding.path())
            .put("line", finding.line())
            .put("message", finding.message())
            .put("status", finding.status().id())
            .put("first_seen_at", finding.firstSeenAt().toString());
      }
    }
    return node;
  }

  private static void putOptional(ObjectNode node, String field, Optional<Double> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Two-space indentation and "\n" line ends whatever the platform, so output is byte-stable. */
  static String write(ObjectNode root) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
