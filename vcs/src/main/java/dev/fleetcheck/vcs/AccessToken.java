package dev.fleetcheck.vcs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret token for a git host or its API. It prints as a mask, so a token that slips into a log
 * line, a record's toString or an exception message shows nothing.
 */
public final class AccessToken {

  /** The environment variable the command line reads the GitHub token from. */
  public static final String GITHUB_TOKEN_VARIABLE = "FLEETCHECK_GITHUB_TOKEN";

  private final String value;

  private AccessToken(String value) {
    this.value = value;
  }

  /**
   * Wraps a token.
   *
   * @throws IllegalArgumentException when it is blank or holds whitespace or control characters
   *     (which would break an HTTP header); the message never repeats the value
   */
  public static AccessToken of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "token is blank or holds characters a header cannot carry");
    }
    return new AccessToken(value);
  }

  /**
   * The token named {@link #GITHUB_TOKEN_VARIABLE} in {@code environment}, if set and not blank.
   */
  public static Optional<AccessToken> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(GITHUB_TOKEN_VARIABLE);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value.strip()));
  }

  /** The secret itself: hand it to a credentials provider or a header, nowhere else. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "AccessToken[***]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken token && token.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
