package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * Slack tokens {@code xox[abprs]-}. Real ones carry numeric workspace and user IDs, so a body
 * without a digit ({@code xoxb-not-a-real-token}) is prose, not a token.
 */
public final class SlackTokenDetector implements SecretDetector {

  private static final PrefixedToken TOKEN =
      new PrefixedToken(
          List.of("xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-"),
          "A-Za-z0-9-",
          10,
          250,
          Entropy::hasDigit);

  @Override
  public String kind() {
    return "slack_token";
  }

  @Override
  public List<String> anchors() {
    return TOKEN.prefixes();
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    TOKEN.find(text, kind(), matches);
  }
}
