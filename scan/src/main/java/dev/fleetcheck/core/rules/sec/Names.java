package dev.fleetcheck.core.rules.sec;

/** Parts of dotted names, compared without cutting the name into new strings. */
final class Names {

  private Names() {}

  /**
   * Whether the last part of {@code dotted} is {@code name} (no dot in it): {@code settings.X} and
   * {@code X} for X, the answer of {@code Assignment.name().equals(name)}.
   */
  static boolean lastPartIs(String dotted, String name) {
    int at = dotted.length() - name.length();
    return dotted.endsWith(name) && (at == 0 || at > 0 && dotted.charAt(at - 1) == '.');
  }
}
