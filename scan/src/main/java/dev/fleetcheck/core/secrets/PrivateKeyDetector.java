package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * PEM private-key blocks ({@code -----BEGIN [RSA |EC |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[
 * BLOCK]-----}), also inside JSON or code strings where line breaks are written {@code \n}. A
 * header alone (a parser checking for it) or a shortened body ({@code MIIE...}) is not a key.
 */
public final class PrivateKeyDetector implements SecretDetector {

  private static final String ANCHOR = "PRIVATE KEY";
  private static final String BEGIN = "-----BEGIN ";
  private static final String DASHES = "-----";
  private static final String END = "-----END";
  private static final int MAX_KEY_TYPE_LENGTH = 20;
  private static final int MAX_BODY_LENGTH = 64 * 1024;
  private static final int MIN_BODY_CHARACTERS = 64;

  @Override
  public String kind() {
    return "private_key";
  }

  @Override
  public List<String> anchors() {
    return List.of(ANCHOR);
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    String content = text.text();
    int at = text.find(ANCHOR, 0);
    while (at >= 0) {
      int next = detectAt(content, at, matches);
      at = text.find(ANCHOR, Math.max(next, at + 1));
    }
  }

  /** Examines one anchor hit; returns where the search goes on. */
  private int detectAt(String content, int at, List<SecretMatch> matches) {
    int begin = lastBeginNear(content, at);
    if (begin < 0) {
      return at + 1;
    }
    int headerEnd = at + ANCHOR.length();
    if (content.startsWith(" BLOCK", headerEnd)) {
      headerEnd += " BLOCK".length();
    }
    if (!content.startsWith(DASHES, headerEnd)) {
      return at + 1;
    }
    int bodyStart = headerEnd + DASHES.length();
    int end = content.indexOf(END, bodyStart);
    if (end < 0 || end - bodyStart > MAX_BODY_LENGTH) {
      return at + 1;
    }
    Body body = Body.read(content, bodyStart, end);
    if (!body.looksEncoded()
        || content.substring(bodyStart, end).contains("...")
        || Placeholders.isPlaceholder(body.base64())) {
      return end;
    }
    int footerEnd = content.indexOf(DASHES, end + END.length());
    int spanEnd = footerEnd < 0 ? end + END.length() : footerEnd + DASHES.length();
    matches.add(new SecretMatch(kind(), begin, spanEnd, Fingerprint.of(body.base64())));
    return spanEnd;
  }

  /**
   * The last {@code -----BEGIN } at or before {@code at} that leaves room for no more than a key
   * type before it; -1 when there is none. Looking only that far back keeps a file full of "PRIVATE
   * KEY" mentions linear.
   */
  private static int lastBeginNear(String content, int at) {
    int floor = Math.max(0, at - BEGIN.length() - MAX_KEY_TYPE_LENGTH);
    for (int i = Math.min(at, content.length() - BEGIN.length()); i >= floor; i--) {
      if (content.startsWith(BEGIN, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * What lies between header and footer: its base64 characters (line breaks, quotes and {@code \n}
   * escapes skipped), the longest unbroken base64 run, and how many characters fit neither. Code
   * between a header literal and a footer literal has short runs and many foreign characters.
   */
  private record Body(String base64, int longestRun, int foreign) {

    private static final int MIN_RUN = 40;
    private static final int MAX_FOREIGN_PERCENT = 5;

    static Body read(String content, int from, int to) {
      StringBuilder base64 = new StringBuilder(to - from);
      int run = 0;
      int longest = 0;
      int foreign = 0;
      for (int i = from; i < to; i++) {
        char c = content.charAt(i);
        if (isBase64(c)) {
          base64.append(c);
          longest = Math.max(longest, ++run);
          continue;
        }
        run = 0;
        if (c == '\\'
            && i + 1 < to
            && (content.charAt(i + 1) == 'n' || content.charAt(i + 1) == 'r')) {
          i++;
        } else if (!Character.isWhitespace(c) && "\"',:-\\".indexOf(c) < 0) {
          foreign++;
        }
      }
      return new Body(base64.toString(), longest, foreign);
    }

    boolean looksEncoded() {
      return base64.length() >= MIN_BODY_CHARACTERS
          && longestRun >= MIN_RUN
          && foreign * 100 <= base64.length() * MAX_FOREIGN_PERCENT;
    }

    private static boolean isBase64(char c) {
      return (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/'
          || c == '=';
    }
  }
}
