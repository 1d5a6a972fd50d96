package dev.fleetcheck.core.secrets;

import java.util.List;

/** Test shorthand: what the standard scanner reports for one file. */
final class Scan {

  private Scan() {}

  static List<String> kinds(String path, String content) {
    return SecretScanner.standard().scan(path, content).stream().map(SecretFinding::kind).toList();
  }

  static List<SecretFinding> findings(String path, String content) {
    return SecretScanner.standard().scan(path, content);
  }
}
