package dev.fleetcheck.core.facts.python;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 508 requirement reduced to what rules need: the PEP 503-normalised name, the version
 * specifier (extras, markers and URLs stripped) and whether it is a direct URL reference.
 */
public record Requirement(String name, String specifier, boolean directReference) {

  private static final Pattern HEAD =
      Pattern.compile(
          "^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*(.*)$",
          Pattern.DOTALL);
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
  private static final Pattern PINNED =
      Pattern.compile("^\\(?\\s*===?\\s*[A-Za-z0-9!+._-]+\\s*\\)?$");

  /** Parses a requirement string; empty for anything that does not start with a project name. */
  public static Optional<Requirement> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher head = HEAD.matcher(text);
    if (!head.matches()) {
      return Optional.empty();
    }
    String rest = head.group(3);
    int marker = rest.indexOf(';');
    String spec = (marker < 0 ? rest : rest.substring(0, marker)).strip();
    boolean direct = spec.startsWith("@");
    if (!direct && !spec.isEmpty() && !startsLikeSpecifier(spec)) {
      return Optional.empty();
    }
    return Optional.of(new Requirement(normalise(head.group(1)), direct ? "" : spec, direct));
  }

  /** PEP 503 normalisation: lower case, runs of {@code -_.} become one {@code -}. */
  public static String normalise(String name) {
    return SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  /** Pinned to one exact version with {@code ==} (or {@code ===}), no wildcard. */
  public boolean pinned() {
    return !directReference && PINNED.matcher(specifier).matches() && !specifier.contains("*");
  }

  private static boolean startsLikeSpecifier(String spec) {
    char first = spec.charAt(0);
    return first == '='
        || first == '<'
        || first == '>'
        || first == '~'
        || first == '!'
        || first == '('
        || first == ',';
  }
}
