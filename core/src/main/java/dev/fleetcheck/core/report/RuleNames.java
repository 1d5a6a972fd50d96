package dev.fleetcheck.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short PascalCase rule names for formats that want one (SARIF {@code name}). */
final class RuleNames {

  private static final int MAX_WORDS = 5;

  private RuleNames() {}

  /**
   * The words before the title's first colon (or its first five words), capitalised and joined:
   * "Bootstrap: make dev - installs tooling" becomes "Bootstrap". Falls back to the ID's letters.
   */
  static String pascalCase(String title, String id) {
    int colon = title.indexOf(':');
    String head = colon > 0 ? title.substring(0, colon) : title;
    List<String> words = new ArrayList<>();
    for (String word : head.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty() && words.size() < MAX_WORDS) {
        words.add(word);
      }
    }
    StringBuilder name = new StringBuilder();
    for (String word : words) {
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      return id.replace("-", "");
    }
    return name.toString();
  }
}
