package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * Slack incoming-webhook and workflow URLs: anyone holding one can post to the channel. The secret
 * is the path after {@code hooks.slack.com/services/} (or {@code workflows/}, {@code triggers/}).
 */
public final class SlackWebhookDetector implements SecretDetector {

  private static final String HOST = "hooks.slack.com/";
  private static final List<String> KINDS_OF_HOOK = List.of("services/", "workflows/", "triggers/");
  private static final int MIN_SECRET_SEGMENT = 16;

  @Override
  public String kind() {
    return "slack_webhook_url";
  }

  @Override
  public List<String> anchors() {
    return List.of(HOST);
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    for (int at = text.find(HOST, 0); at >= 0; at = text.find(HOST, at + 1)) {
      int pathStart = at + HOST.length();
      String hook =
          KINDS_OF_HOOK.stream()
              .filter(k -> content.startsWith(k, pathStart))
              .findFirst()
              .orElse("");
      if (hook.isEmpty()) {
        continue;
      }
      int secretStart = pathStart + hook.length();
      int end = secretStart;
      while (end < content.length() && isPathCharacter(content.charAt(end))) {
        end++;
      }
      String path = content.substring(secretStart, end);
      if (!looksLikeWebhookPath(path) || Placeholders.isPlaceholder(path)) {
        continue;
      }
      int start = schemeStart(content, at);
      matches.add(new SecretMatch(kind(), start, end, Fingerprint.of(path)));
    }
  }

  /** Where {@code http://} or {@code https://} right before the host starts; else the host. */
  private static int schemeStart(String content, int host) {
    for (int i = host; i >= Math.max(0, host - "https://".length()); i--) {
      if (content.startsWith("http", i)) {
        return i;
      }
    }
    return host;
  }

  private static boolean looksLikeWebhookPath(String path) {
    String[] segments = path.split("/");
    if (segments.length < 3) {
      return false;
    }
    String last = segments[segments.length - 1];
    return last.length() >= MIN_SECRET_SEGMENT
        && Entropy.hasDigit(path)
        && !Placeholders.isOneRepeatedCharacter(last);
  }

  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/';
  }
}
