package dev.fleetcheck.core.secrets;

/**
 * A name given a value on one line, in any of the shapes credentials take in a repository: code
 * ({@code password = "..."}, {@code token: str = "..."}, {@code password="..."} keyword arguments,
 * {@code config["api_key"] = "..."}), JSON and YAML ({@code "secret": "..."}, {@code secret: ...}),
 * INI, {@code .env} and shell ({@code export TOKEN=...}), Makefiles ({@code TOKEN ?= ...}) and
 * JSON-escaped notebook sources ({@code token = \"...\"}).
 *
 * @param quoted whether the value was a string literal (unquoted values are bare config words)
 */
record Assignment(
    String content, int nameStart, int nameEnd, int valueStart, int valueEnd, boolean quoted) {

  String name() {
    return content.substring(nameStart, nameEnd);
  }

  String value() {
    return content.substring(valueStart, valueEnd);
  }

  /** Parses the assignment whose name contains offset {@code hit}; null when there is none. */
  static Assignment around(String content, int hit, int lineStart, int lineEnd) {
    int nameStart = nameStart(content, hit, lineStart);
    int nameEnd = nameEnd(content, hit, lineEnd);
    int p = valueSearchStart(content, nameEnd, lineEnd);
    return p < 0 ? null : value(content, nameStart, nameEnd, p, lineEnd);
  }

  /**
   * Where the value given to the name ending at {@code nameEnd} begins, past the separator and
   * blanks; -1 when no separator follows the name (the name is not being assigned).
   */
  static int valueSearchStart(String content, int nameEnd, int lineEnd) {
    int p = skipClosingQuoteAndBracket(content, nameEnd, lineEnd);
    p = skipBlanks(content, p, lineEnd);
    p = afterSeparator(content, p, lineEnd);
    return p < 0 ? -1 : skipBlanks(content, p, lineEnd);
  }

  /** The assignment of the value found from {@code p} (see {@link #valueSearchStart}). */
  static Assignment withValueFrom(String content, int nameStart, int nameEnd, int p, int lineEnd) {
    return value(content, nameStart, nameEnd, p, lineEnd);
  }

  /** Where the name holding offset {@code hit} starts. */
  static int nameStart(String content, int hit, int lineStart) {
    int nameStart = hit;
    while (nameStart > lineStart && isNameCharacter(content.charAt(nameStart - 1))) {
      nameStart--;
    }
    return nameStart;
  }

  /** Where the name holding offset {@code hit} ends. */
  static int nameEnd(String content, int hit, int lineEnd) {
    int nameEnd = hit;
    while (nameEnd < lineEnd && isNameCharacter(content.charAt(nameEnd))) {
      nameEnd++;
    }
    return nameEnd;
  }

  static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private static int skipClosingQuoteAndBracket(String content, int p, int lineEnd) {
    if (p + 1 < lineEnd && content.charAt(p) == '\\' && isQuote(content.charAt(p + 1))) {
      p += 2;
    } else if (p < lineEnd && isQuote(content.charAt(p))) {
      p++;
    }
    if (p < lineEnd && content.charAt(p) == ']') {
      p++;
    }
    return p;
  }

  /** The offset after {@code =}, {@code :}, {@code :=}, {@code =>}, {@code ?=}; -1 if none. */
  private static int afterSeparator(String content, int p, int lineEnd) {
    if (p >= lineEnd) {
      return -1;
    }
    char c = content.charAt(p);
    char next = p + 1 < lineEnd ? content.charAt(p + 1) : '\n';
    if (c == '=') {
      return next == '=' ? -1 : (next == '>' ? p + 2 : p + 1);
    }
    if (c == '?' && next == '=') {
      return p + 2;
    }
    if (c != ':') {
      return -1;
    }
    if (next == '=') {
      return p + 2;
    }
    return afterAnnotation(content, p + 1, lineEnd);
  }

  /** {@code name: Type = value} is a typed assignment; {@code name: value} is YAML or JSON. */
  private static int afterAnnotation(String content, int p, int lineEnd) {
    int q = skipBlanks(content, p, lineEnd);
    if (q >= lineEnd || !Character.isLetter(content.charAt(q))) {
      return p;
    }
    while (q < lineEnd && isAnnotationCharacter(content.charAt(q))) {
      q++;
    }
    if (q < lineEnd
        && content.charAt(q) == '='
        && (q + 1 >= lineEnd || content.charAt(q + 1) != '=')) {
      return q + 1;
    }
    return p;
  }

  private static Assignment value(String content, int nameStart, int nameEnd, int p, int lineEnd) {
    if (p >= lineEnd) {
      return null;
    }
    int start = skipStringPrefix(content, p, lineEnd);
    char c = content.charAt(start);
    if (c == '\\' && start + 1 < lineEnd && isQuote(content.charAt(start + 1))) {
      String quote = content.substring(start, start + 2);
      int close = content.indexOf(quote, start + 2);
      if (close < 0 || close > lineEnd) {
        return null;
      }
      return new Assignment(content, nameStart, nameEnd, start + 2, close, true);
    }
    if (isQuote(c)) {
      if (content.startsWith(String.valueOf(c).repeat(3), start)) {
        return null;
      }
      int close = closingQuote(content, start + 1, lineEnd, c);
      if (close < 0) {
        return null;
      }
      return new Assignment(content, nameStart, nameEnd, start + 1, close, true);
    }
    int end = p;
    while (end < lineEnd && !endsBareValue(content.charAt(end))) {
      end++;
    }
    if (end == p) {
      return null;
    }
    return new Assignment(content, nameStart, nameEnd, p, end, false);
  }

  /** Skips Python's {@code r}, {@code b}, {@code u}, {@code f} string prefixes. */
  private static int skipStringPrefix(String content, int p, int lineEnd) {
    int q = p;
    while (q < lineEnd && q - p < 2 && "rRbBuUfF".indexOf(content.charAt(q)) >= 0) {
      q++;
    }
    return q > p && q < lineEnd && isQuote(content.charAt(q)) ? q : p;
  }

  private static int closingQuote(String content, int from, int lineEnd, char quote) {
    for (int i = from; i < lineEnd; i++) {
      char c = content.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int skipBlanks(String content, int p, int lineEnd) {
    while (p < lineEnd && (content.charAt(p) == ' ' || content.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean isAnnotationCharacter(char c) {
    return Character.isLetterOrDigit(c) || "_.[], |".indexOf(c) >= 0;
  }

  private static boolean endsBareValue(char c) {
    return switch (c) {
      case ',', ';', '"', '\'', '`', '\\', ')', ']' -> true;
      default -> Character.isWhitespace(c);
    };
  }
}
