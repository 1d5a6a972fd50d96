package dev.fleetcheck.core.rules.ext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well a container image reference is pinned (RULES.md, "PY-EXT-007"): a digest always is; a
 * tag is a version only when it holds a digit ({@code latest}, {@code alpine}, {@code slim} and no
 * tag at all are not). Compose-style {@code ${VAR:-default}} takes its default; a variable without
 * one cannot be judged here.
 */
record ImageReference(String text) {

  enum Pinning {
    PINNED,
    UNPINNED,
    UNKNOWN
  }

  private static final Pattern DEFAULTED =
      Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_]");

  Pinning pinning() {
    String resolved = resolveDefaults(text.strip());
    if (resolved.contains("@")) {
      return Pinning.PINNED;
    }
    if (VARIABLE.matcher(resolved).find()) {
      return tag(resolved).chars().anyMatch(Character::isDigit) ? Pinning.PINNED : Pinning.UNKNOWN;
    }
    return tag(resolved).chars().anyMatch(Character::isDigit) ? Pinning.PINNED : Pinning.UNPINNED;
  }

  /** The tag, empty when there is none (a registry port is not a tag). */
  String tag() {
    return tag(resolveDefaults(text.strip()));
  }

  private static String tag(String reference) {
    String lastSegment = reference.substring(reference.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    return colon < 0 ? "" : lastSegment.substring(colon + 1);
  }

  private static String resolveDefaults(String reference) {
    Matcher m = DEFAULTED.matcher(reference);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Why an unpinned reference fails, for evidence. */
  String problem() {
    String tag = tag();
    return tag.isEmpty()
        ? "image `" + text + "` has no tag"
        : "image `" + text + "` uses tag `" + tag + "`, not a version";
  }
}
