package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Names shared by the structured formats, so JSON, CSV and SARIF spell values alike. */
final class ReportFields {

  /** Bumped when a field of the JSON report changes meaning or disappears. */
  static final int REPORT_VERSION = 1;

  private ReportFields() {}

  /** The snake_case key of a status in count maps: {@code fail}, {@code not_applicable}. */
  static String countKey(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** Profile IDs in alphabetical order. */
  static List<String> profileIds(Collection<Profile> profiles) {
    return profiles.stream().map(Profile::id).sorted().toList();
  }
}
