package dev.fleetcheck.core.model;

import java.util.Objects;

/**
 * One fact behind an outcome: where (a repository-relative path with forward slashes, empty for the
 * repository as a whole), the 1-based line or 0 when there is none, and a one-line message. Never
 * holds a secret value.
 */
public record Evidence(String path, int line, String message) implements Comparable<Evidence> {

  public Evidence {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  public static Evidence at(String path, int line, String message) {
    return new Evidence(path, line, message);
  }

  public static Evidence file(String path, String message) {
    return new Evidence(path, 0, message);
  }

  public static Evidence repository(String message) {
    return new Evidence("", 0, message);
  }

  public boolean hasLine() {
    return line > 0;
  }

  /** "path:line: message", "path: message" or just the message. */
  public String describe() {
    if (path.isEmpty()) {
      return message;
    }
    return hasLine() ? path + ":" + line + ": " + message : path + ": " + message;
  }

  @Override
  public int compareTo(Evidence other) {
    int byPath = path.compareTo(other.path);
    if (byPath != 0) {
      return byPath;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : message.compareTo(other.message);
  }
}
