package dev.fleetcheck.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Score;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.model.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a report written by {@link JsonReportRenderer} back into a {@link ScanReport}, for stores
 * that keep reports as JSON. Anything that is not such a report fails with {@code invalid_argument}
 * and a message naming the first field at fault.
 */
public final class JsonReportReader {

  public ScanReport read(String json) {
    JsonNode root;
    try {
      root = JsonOutput.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid("not JSON (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw invalid("the document is not a JSON object");
    }
    try {
      return report(root);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static ScanReport report(JsonNode root) {
    int version = integer(root, "report_version");
    if (version != ReportFields.REPORT_VERSION) {
      throw new IllegalArgumentException("unsupported report_version " + version);
    }
    JsonNode repository = object(root, "repository");
    List<RuleResult> results = new ArrayList<>();
    for (JsonNode result : array(root, "results")) {
      results.add(result(result));
    }
    JsonNode score = object(root, "score");
    ScanReport report =
        new ScanReport(
            text(root, "tool_version"),
            text(root, "standard_version"),
            text(root, "rule_pack_digest"),
            new RepositoryRef(
                text(repository, "name"), text(repository, "source"), text(repository, "commit")),
            Instant.parse(text(root, "scanned_at")),
            profiles(root),
            results,
            new Score(
                // null: no Python project, nothing scored; the engine's value for that is 100.
                score.path("value").isNull() ? 100.0 : number(score, "value"),
                integer(score, "earned_weight"),
                integer(score, "possible_weight")),
            evidence(root, "notes"));
    checkCounts(object(root, "counts"), report);
    return report;
  }

  private static RuleResult result(JsonNode node) {
    RuleMeta meta =
        new RuleMeta(
            text(node, "rule_id"),
            text(node, "section"),
            text(node, "title"),
            Level.fromId(text(node, "catalogued_level")),
            profiles(node),
            kind(node),
            text(node, "remediation"));
    return new RuleResult(meta, Level.fromId(text(node, "level")), outcome(node));
  }

  private static Outcome outcome(JsonNode node) {
    Status status = Status.valueOf(text(node, "status"));
    List<Evidence> evidence = evidence(node, "evidence");
    return switch (status) {
      case PASS -> Outcome.pass(evidence);
      case FAIL -> Outcome.fail(evidence);
      case WAIVED -> new Outcome.Waived(waiver(object(node, "waiver")), evidence);
      case NOT_APPLICABLE -> Outcome.notApplicable(reason(node, evidence));
      case ERROR -> Outcome.error(reason(node, evidence));
      case MANUAL -> new Outcome.Manual(note(node, evidence));
    };
  }

  /** The kind; a report written before kinds existed says only whether the rule was automated. */
  private static RuleKind kind(JsonNode node) {
    if (node.has("kind")) {
      return RuleKind.fromId(text(node, "kind"));
    }
    return bool(node, "automated") ? RuleKind.AUTOMATED : RuleKind.MANUAL;
  }

  private static String note(JsonNode node, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return "";
    }
    return reason(node, evidence);
  }

  private static String reason(JsonNode node, List<Evidence> evidence) {
    if (evidence.size() != 1) {
      throw new IllegalArgumentException(
          text(node, "rule_id") + ": a " + text(node, "status") + " has exactly one evidence");
    }
    return evidence.get(0).message();
  }

  private static Waiver waiver(JsonNode node) {
    List<String> ruleIds = new ArrayList<>();
    array(node, "rule_ids").forEach(id -> ruleIds.add(id.asText()));
    return new Waiver(
        text(node, "path"),
        ruleIds,
        LocalDate.parse(text(node, "expires")),
        text(node, "rationale"));
  }

  private static Set<Profile> profiles(JsonNode node) {
    Set<Profile> profiles = EnumSet.noneOf(Profile.class);
    array(node, "profiles").forEach(p -> profiles.add(Profile.fromId(p.asText())));
    return profiles;
  }

  private static List<Evidence> evidence(JsonNode node, String field) {
    List<Evidence> evidence = new ArrayList<>();
    for (JsonNode item : array(node, field)) {
      evidence.add(new Evidence(text(item, "path"), integer(item, "line"), text(item, "message")));
    }
    return evidence;
  }

  private static void checkCounts(JsonNode counts, ScanReport report) {
    for (Map.Entry<Status, Integer> count : report.counts().entrySet()) {
      int stated = integer(counts, ReportFields.countKey(count.getKey()));
      if (stated != count.getValue()) {
        throw new IllegalArgumentException(
            "counts." + ReportFields.countKey(count.getKey()) + " disagrees with the results");
      }
    }
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isInt()) {
      throw new IllegalArgumentException(name + " must be an integer");
    }
    return value.asInt();
  }

  private static double number(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return value.asDouble();
  }

  private static boolean bool(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    return value.asBoolean();
  }

  private static JsonNode object(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isObject()) {
      throw new IllegalArgumentException(name + " must be an object");
    }
    return value;
  }

  private static JsonNode array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new IllegalArgumentException(name + " must be an array");
    }
    return value;
  }

  private static FleetcheckException invalid(String why) {
    return new FleetcheckException(
        ErrorCode.INVALID_ARGUMENT, "not a fleetcheck JSON report: " + why);
  }
}
