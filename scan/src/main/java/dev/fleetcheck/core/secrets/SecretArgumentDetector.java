package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * For redaction only: any value a command or configuration gives a secret-like name, whatever its
 * entropy ({@code DB_PASSWORD=hunter2}, {@code --password hunter2}, {@code --token=...}, {@code
 * POSTGRES_PASSWORD: hunter2}), and the value after a bare {@code -p} that is not a word or number
 * ({@code mysql -p s3cr3t!}, while {@code pytest -p no:cacheprovider} and {@code -p 8080:80} stay).
 * It finds more than a scan should report, which is what an evidence string needs: a value hidden
 * by mistake costs a word, a value shown by mistake leaks a credential.
 */
final class SecretArgumentDetector implements SecretDetector {

  private static final String SHORT_PASSWORD_FLAG = "-p";

  @Override
  public String kind() {
    return "secret_argument";
  }

  @Override
  public List<String> anchors() {
    return List.of(SHORT_PASSWORD_FLAG);
  }

  @Override
  public List<String> foldedAnchors() {
    return SecretNames.ANCHORS;
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    for (String anchor : SecretNames.ANCHORS) {
      for (int at = text.findFolded(anchor, 0); at >= 0; at = text.findFolded(anchor, at + 1)) {
        int lineStart = text.lineStart(at);
        int lineEnd = text.lineEnd(at);
        int nameStart = Assignment.nameStart(content, at, lineStart);
        int nameEnd = Assignment.nameEnd(content, at, lineEnd);
        at = Math.max(at, nameEnd - 1);
        if (SecretNames.isSecretName(content.substring(nameStart, nameEnd))) {
          addValue(content, nameStart, nameEnd, lineEnd, matches);
        }
      }
    }
    for (int at = text.find(SHORT_PASSWORD_FLAG, 0);
        at >= 0;
        at = text.find(SHORT_PASSWORD_FLAG, at + 1)) {
      int nameEnd = at + SHORT_PASSWORD_FLAG.length();
      if ((at == 0 || Character.isWhitespace(content.charAt(at - 1)))
          && nameEnd < content.length()
          && (content.charAt(nameEnd) == ' ' || content.charAt(nameEnd) == '=')) {
        addValue(content, at, nameEnd, text.lineEnd(at), matches);
      }
    }
  }

  private static boolean isAuthScheme(String word) {
    return word.equalsIgnoreCase("bearer")
        || word.equalsIgnoreCase("basic")
        || word.equalsIgnoreCase("token");
  }

  private void addValue(
      String content, int nameStart, int nameEnd, int lineEnd, List<SecretMatch> matches) {
    int valueFrom = Assignment.valueSearchStart(content, nameEnd, lineEnd);
    boolean flag = content.charAt(nameStart) == '-';
    if (valueFrom < 0 && flag && nameEnd < lineEnd && content.charAt(nameEnd) == ' ') {
      valueFrom = nameEnd + 1;
    }
    if (valueFrom < 0 || valueFrom >= lineEnd) {
      return;
    }
    Assignment assignment =
        Assignment.withValueFrom(content, nameStart, nameEnd, valueFrom, lineEnd);
    if (assignment == null) {
      return;
    }
    if (!assignment.quoted() && isAuthScheme(assignment.value())) {
      // Authorization: Bearer <token> — the credential is the word after the scheme.
      int next = assignment.valueEnd() + 1;
      assignment =
          next < lineEnd && content.charAt(assignment.valueEnd()) == ' '
              ? Assignment.withValueFrom(content, nameStart, nameEnd, next, lineEnd)
              : null;
      if (assignment == null) {
        return;
      }
    }
    String value = SecretValues.credentialPart(assignment.value());
    if (SecretValues.mayBeSecret(value)) {
      matches.add(
          new SecretMatch(
              kind(), assignment.valueStart(), assignment.valueEnd(), Fingerprint.of(value)));
    }
  }
}
