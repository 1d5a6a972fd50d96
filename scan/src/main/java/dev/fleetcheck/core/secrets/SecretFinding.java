package dev.fleetcheck.core.secrets;

import java.util.Objects;

/**
 * A hard-coded credential found in a repository: its kind, file, 1-based line and fingerprint.
 * Never the value (RULES.md, "Secrets").
 */
public record SecretFinding(String kind, String path, int line, String fingerprint)
    implements Comparable<SecretFinding> {

  public SecretFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** {@code aws_access_key_id: fingerprint AKIA…#1a2b3c4d}. */
  public String describe() {
    return kind + ": fingerprint " + fingerprint;
  }

  @Override
  public int compareTo(SecretFinding other) {
    int byPath = path.compareTo(other.path);
    if (byPath != 0) {
      return byPath;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : describe().compareTo(other.describe());
  }
}
