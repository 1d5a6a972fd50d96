package dev.fleetcheck.core.secrets;

/**
 * Where a detector found a credential in a file's text: {@code [start, end)} offsets and the
 * fingerprint of the value. The value itself is deliberately absent.
 */
public record SecretMatch(String kind, int start, int end, String fingerprint) {

  public SecretMatch {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  boolean overlaps(SecretMatch other) {
    return start < other.end && other.start < end;
  }
}
