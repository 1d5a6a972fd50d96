package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Names shared by the structured formats, so JSON, CSV and SARIF spell values alike. */
final class ReportFields {

  /** Bumped when a field of the JSON report changes meaning or disappears. */
  static final int REPORT_VERSION = 1;

  private ReportFields() {}

  /** The snake_case key of a status in count maps: {@code fail}, {@code not_applicable}. */
  static String countKey(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * How many rules of each kind a report holds, for its header: {@code "314 rules: 50 automated, 20
   * assisted, 244 manual"}.
   */
  static String kindSummary(Map<RuleKind, Integer> kinds) {
    int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
    List<String> parts = new ArrayList<>();
    kinds.forEach((kind, count) -> parts.add(count + " " + kind.id()));
    return total + " rules: " + String.join(", ", parts);
  }

  /** Profile IDs in alphabetical order. */
  static List<String> profileIds(Collection<Profile> profiles) {
    return profiles.stream().map(Profile::id).sorted().toList();
  }
}
