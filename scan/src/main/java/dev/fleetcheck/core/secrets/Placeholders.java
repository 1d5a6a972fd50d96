package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Values that only stand in for a credential (RULES.md, "Secrets"): documentation markers, template
 * and shell references, and runs of one character. A placeholder is never a finding.
 */
public final class Placeholders {

  private static final List<String> MARKERS =
      List.of("example", "xxxx", "changeme", "dummy", "placeholder", "your-", "your_");

  private Placeholders() {}

  /** Whether the value is a placeholder or a reference to a value kept elsewhere. */
  public static boolean isPlaceholder(String value) {
    if (value.isEmpty() || isOneRepeatedCharacter(value)) {
      return true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return isReference(value);
  }

  /**
   * {@code <...>}, {@code ${...}}, {@code {{...}}}, {@code {name}}, {@code %(name)s}, {@code
   * $NAME}.
   */
  static boolean isReference(String value) {
    int open = value.indexOf('<');
    if (open >= 0 && value.indexOf('>', open + 1) > open) {
      return true;
    }
    int brace = value.indexOf('{');
    if (brace >= 0 && value.indexOf('}', brace + 1) > brace) {
      return true;
    }
    if (value.contains("%(")) {
      return true;
    }
    return value.length() > 1
        && value.charAt(0) == '$'
        && (Character.isLetter(value.charAt(1)) || value.charAt(1) == '_');
  }

  static boolean isOneRepeatedCharacter(String value) {
    for (int i = 1; i < value.length(); i++) {
      if (value.charAt(i) != value.charAt(0)) {
        return false;
      }
    }
    return true;
  }
}
