package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * AWS secret access keys: 40 base64 characters given to an AWS key name on the same line ({@code
 * aws_secret_access_key = ...}, {@code "SecretAccessKey": "..."}). Forty random characters alone
 * are too common (hashes, ids) to flag without the name.
 */
public final class AwsSecretAccessKeyDetector implements SecretDetector {

  private static final String ANCHOR = "secret";
  private static final int KEY_LENGTH = 40;
  private static final double MIN_ENTROPY = 4.0;

  @Override
  public String kind() {
    return "aws_secret_access_key";
  }

  @Override
  public List<String> foldedAnchors() {
    return List.of(ANCHOR);
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    for (int at = text.findFolded(ANCHOR, 0); at >= 0; at = text.findFolded(ANCHOR, at + 1)) {
      int lineStart = text.lineStart(at);
      int lineEnd = text.lineEnd(at);
      String name =
          content.substring(
              Assignment.nameStart(content, at, lineStart),
              Assignment.nameEnd(content, at, lineEnd));
      if (!SecretNames.isAwsSecretKeyName(name)) {
        continue;
      }
      Assignment assignment = Assignment.around(content, at, lineStart, lineEnd);
      if (assignment == null || !isSecretKeyShaped(assignment.value())) {
        continue;
      }
      matches.add(
          new SecretMatch(
              kind(),
              assignment.valueStart(),
              assignment.valueEnd(),
              Fingerprint.of(assignment.value())));
    }
  }

  private static boolean isSecretKeyShaped(String value) {
    if (value.length() != KEY_LENGTH || Placeholders.isPlaceholder(value)) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean base64 =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!base64) {
        return false;
      }
    }
    return Entropy.characterClasses(value) >= 2 && Entropy.shannon(value) >= MIN_ENTROPY;
  }
}
