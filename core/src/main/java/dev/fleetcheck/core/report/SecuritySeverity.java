package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.Level;
import java.util.Optional;

/**
 * The {@code security-severity} GitHub code scanning ranks security alerts by: a number as a
 * string, read as critical from 9.0, high from 7.0, medium from 4.0 and low from 0.1. Only the
 * standard's security rules ({@code PY-SEC-*}) carry one, derived from the rule's level: required
 * is high, recommended medium, advisory low. GitHub reads it only on rules tagged {@link #TAG}.
 */
public final class SecuritySeverity {

  /** The tag GitHub requires next to {@code security-severity}. */
  public static final String TAG = "security";

  public static final String PROPERTY = "security-severity";
  private static final String SECURITY_RULE_PREFIX = "PY-SEC-";

  private SecuritySeverity() {}

  /** The score for a rule, empty when it is not a security rule. */
  public static Optional<String> of(String ruleId, Level level) {
    if (!ruleId.startsWith(SECURITY_RULE_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (level) {
          case REQUIRED -> "8.0";
          case RECOMMENDED -> "5.5";
          case ADVISORY -> "2.0";
        });
  }
}
