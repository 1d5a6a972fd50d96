package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.model.Evidence;
import java.util.regex.Pattern;

/**
 * A finding's identity across scans: a hash of the rule, the path and the evidence message with
 * digits and whitespace normalised. The line number is left out and numbers in the message are
 * blurred, so a finding keeps its identity when code above it moves or a count in its message
 * changes.
 */
public final class FindingFingerprint {

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private FindingFingerprint() {}

  public static String of(String ruleId, Evidence evidence) {
    return ScanId.hash("finding", ruleId, evidence.path(), normalise(evidence.message()));
  }

  static String normalise(String message) {
    String digitsBlurred = DIGITS.matcher(message).replaceAll("#");
    return WHITESPACE.matcher(digitsBlurred).replaceAll(" ").trim();
  }
}
