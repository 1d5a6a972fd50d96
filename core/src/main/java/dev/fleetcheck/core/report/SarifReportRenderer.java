package dev.fleetcheck.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one rule descriptor per rule of the report (help
 * text = remediation), one result per piece of FAIL evidence and one per ERROR. Repository-wide
 * evidence is located on an anchor file (see {@link SarifAnchor}) without a region.
 */
public final class SarifReportRenderer implements ReportRenderer {

  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SOURCE_ROOT = "%SRCROOT%";
  static final String FINGERPRINT_KEY = "fleetcheckFinding/v1";

  private final String anchor;

  public SarifReportRenderer() {
    this(SarifAnchor.DEFAULT);
  }

  /** {@code anchor}: the repository-relative file that repository-wide findings point at. */
  public SarifReportRenderer(String anchor) {
    this.anchor = Objects.requireNonNull(anchor, "anchor");
  }

  /**
   * GitHub's severity for a level: required is an error, recommended a warning, advisory a note.
   */
  public static String sarifLevel(Level level) {
    return switch (level) {
      case REQUIRED -> "error";
      case RECOMMENDED -> "warning";
      case ADVISORY -> "note";
    };
  }

  @Override
  public String render(ScanReport report) {
    ObjectNode root = JsonOutput.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA_URI);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "fleetcheck");
    driver.put("semanticVersion", report.toolVersion());
    // No informationUri: it is optional in SARIF 2.1.0 and for GitHub, and the project has no
    // public documentation site to name yet.
    ArrayNode rules = driver.putArray("rules");
    report.results().forEach(result -> rules.add(rule(result.rule())));
    provenance(report).ifPresent(p -> run.putArray("versionControlProvenance").add(p));
    run.putObject("originalUriBaseIds")
        .putObject(SOURCE_ROOT)
        .putObject("description")
        .put("text", "The root of the scanned repository.");
    ArrayNode results = run.putArray("results");
    List<RuleResult> all = report.results();
    for (int index = 0; index < all.size(); index++) {
      RuleResult result = all.get(index);
      if (result.status() != Status.FAIL && result.status() != Status.ERROR) {
        continue;
      }
      for (Evidence evidence : result.outcome().evidence()) {
        results.add(result(result, index, evidence));
      }
    }
    run.put("columnKind", "utf16CodeUnits");
    ObjectNode properties = run.putObject("properties");
    properties.put("standardVersion", report.standardVersion());
    properties.put("rulePackDigest", report.rulePackDigest());
    properties.put("pythonProject", report.pythonProject());
    if (report.pythonProject()) {
      properties.put("score", report.score().value());
    }
    ObjectNode kinds = properties.putObject("ruleKinds");
    report.kindCounts().forEach((kind, count) -> kinds.put(kind.id(), count));
    ArrayNode profiles = properties.putArray("profiles");
    ReportFields.profileIds(report.profiles()).forEach(profiles::add);
    return JsonOutput.write(root);
  }

  private static ObjectNode rule(RuleMeta meta) {
    ObjectNode rule = JsonOutput.MAPPER.createObjectNode();
    rule.put("id", meta.id());
    rule.put("name", RuleNames.pascalCase(meta.title(), meta.id()));
    rule.putObject("shortDescription").put("text", sentence(meta.title()));
    rule.putObject("fullDescription")
        .put(
            "text",
            sentence(
                meta.title()
                    + " (standard section "
                    + meta.section()
                    + ", "
                    + meta.level().id()
                    + switch (meta.kind()) {
                      case AUTOMATED -> ", checked automatically";
                      case ASSISTED -> ", checked for evident violations, else reviewed by hand";
                      case MANUAL -> ", reviewed by hand";
                    }
                    + ")"));
    ObjectNode help = rule.putObject("help");
    help.put("text", sentence(meta.remediation()));
    help.put("markdown", "**Remediation:** " + MarkdownText.escape(sentence(meta.remediation())));
    rule.putObject("defaultConfiguration").put("level", sarifLevel(meta.level()));
    ObjectNode properties = rule.putObject("properties");
    properties.put("level", meta.level().id());
    properties.put("section", meta.section());
    properties.put("kind", meta.kind().id());
    properties.put("automated", meta.automated());
    ArrayNode tags = properties.putArray("tags");
    tags.add("fleetcheck");
    tags.add(meta.level().id());
    ReportFields.profileIds(meta.profiles()).forEach(tags::add);
    SecuritySeverity.of(meta.id(), meta.level())
        .ifPresent(
            score -> {
              tags.add(SecuritySeverity.TAG);
              properties.put(SecuritySeverity.PROPERTY, score);
            });
    return rule;
  }

  private ObjectNode result(RuleResult result, int ruleIndex, Evidence evidence) {
    ObjectNode node = JsonOutput.MAPPER.createObjectNode();
    node.put("ruleId", result.rule().id());
    node.put("ruleIndex", ruleIndex);
    node.put("level", sarifLevel(result.level()));
    String message =
        evidence.message().isBlank() ? result.rule().title() : evidence.message().strip();
    if (result.status() == Status.ERROR) {
      message = "The check could not run: " + message;
    }
    node.putObject("message").put("text", sentence(message));
    String path = evidence.path().isEmpty() ? anchor : evidence.path();
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", relativeUri(path));
    artifact.put("uriBaseId", SOURCE_ROOT);
    if (evidence.hasLine()) {
      physical.putObject("region").put("startLine", evidence.line());
    }
    node.putObject("partialFingerprints")
        .put(FINGERPRINT_KEY, fingerprint(result.rule().id(), evidence));
    return node;
  }

  private static Optional<ObjectNode> provenance(ScanReport report) {
    if (report.repository().commit().isBlank()) {
      return Optional.empty();
    }
    return SourceUris.toUri(report.repository().source())
        .map(
            uri -> {
              ObjectNode node = JsonOutput.MAPPER.createObjectNode();
              node.put("repositoryUri", uri);
              node.put("revisionId", report.repository().commit());
              node.putObject("mappedTo").put("uriBaseId", SOURCE_ROOT);
              return node;
            });
  }

  /** A relative URI reference: illegal characters percent-encoded, never read as a scheme. */
  static String relativeUri(String path) {
    try {
      String encoded = new URI(null, null, path, null).toASCIIString();
      int firstSlash = encoded.indexOf('/');
      String firstSegment = firstSlash < 0 ? encoded : encoded.substring(0, firstSlash);
      return firstSegment.contains(":") ? "./" + encoded : encoded;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a path-only URI always builds: " + path, e);
    }
  }

  /** Stable across runs and line moves: the rule, the file and what was found there. */
  static String fingerprint(String ruleId, Evidence evidence) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = ruleId + "\u0000" + evidence.path() + "\u0000" + evidence.message();
      byte[] hash = sha.digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** SARIF asks for messages that are full sentences. */
  private static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    char last = trimmed.charAt(trimmed.length() - 1);
    return ".!?".indexOf(last) >= 0 ? trimmed : trimmed + ".";
  }
}
