package dev.fleetcheck.aws.dynamo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The key schema of the single table (docs/data-model.md): partition and sort key values, GSI names
 * and the fixed-width UTC times that sort as text.
 */
final class TableKeys {

  static final String PK = "PK";
  static final String SK = "SK";

  static final String HISTORY_INDEX = "gsi1_history";
  static final String LATEST_INDEX = "gsi2_latest";
  static final String TEAM_INDEX = "gsi3_team";
  static final String BAND_INDEX = "gsi4_band";
  static final String RULE_INDEX = "gsi5_rule";
  static final String SWEEPS_INDEX = "gsi6_sweeps";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TableKeys() {}

  /** The partition key attribute of GSI {@code n} (1-based, as the index names number them). */
  static String gsiPk(int n) {
    return "gsi" + n + "pk";
  }

  static String gsiSk(int n) {
    return "gsi" + n + "sk";
  }

  static String scan(String scanId) {
    return "SCAN#" + scanId;
  }

  static String repo(String repository) {
    return "REPO#" + repository;
  }

  static String sweep(String sweepId) {
    return "SWEEP#" + sweepId;
  }

  static String idempotency(String key) {
    return "IDEMPOTENCY#" + key;
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  static Instant parseTime(String text) {
    return Instant.from(TIME.parse(text));
  }
}
