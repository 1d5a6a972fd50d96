package dev.fleetcheck.aws.github;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A GitHub token and, for an installation token, when it expires. It prints as a mask, so a token
 * that reaches a log line or an exception message shows nothing.
 */
public final class GitHubToken {

  private final String value;
  private final Optional<Instant> expiresAt;

  public GitHubToken(String value, Optional<Instant> expiresAt) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "token is blank or holds characters a header cannot carry");
    }
    this.value = value;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The secret itself: hand it to a git credentials provider or a header, nowhere else. */
  public String reveal() {
    return value;
  }

  public Optional<Instant> expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "GitHubToken[***]";
  }
}
