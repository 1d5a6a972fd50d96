package dev.fleetcheck.core.python;

/**
 * A Python 3 tokenizer after CPython's: names, numbers, every string form (prefixes in any case and
 * order, triple quotes, raw, bytes, f- and t-strings with nested replacement fields and the reused
 * quotes of PEP 701), operators, comments, NEWLINE/NL, INDENT/DEDENT, and line joining by backslash
 * and by brackets.
 *
 * <p>It never throws: an unterminated string becomes an ERRORTOKEN up to the end of its line (to
 * the end of the text when triple-quoted), a stray character becomes a one-character ERRORTOKEN,
 * unbalanced brackets are tolerated. One instance tokenizes one text; use {@link #tokenize}.
 */
public final class PythonTokenizer {

  /** Beyond this nesting of f-strings in replacement fields the string is reported as an error. */
  private static final int MAX_FSTRING_NESTING = 100;

  private static final int TAB_SIZE = 8;
  private static final int FAILED = -1;

  /** ASCII characters that may start (1) or continue (2) an identifier. */
  private static final byte[] IDENTIFIER = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      IDENTIFIER[c] = 1;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      IDENTIFIER[c] = 1;
    }
    IDENTIFIER['_'] = 1;
    for (char c = '0'; c <= '9'; c++) {
      IDENTIFIER[c] = 2;
    }
  }

  private final String source;
  private final char[] text;
  private final int length;
  private final Tokens tokens;
  private final Vocabulary.Builder names = new Vocabulary.Builder();

  private int pos;
  private int line = 1;
  private int lineStart;
  private int[] indents = new int[16];
  private int indentCount = 1;
  private int[] openBrackets = new int[16];
  private int bracketDepth;
  private boolean lineHasCode;
  private int failedStringEnd;

  private PythonTokenizer(String source) {
    this.source = source;
    this.text = source.toCharArray();
    this.length = text.length;
    // Python code runs at about 0.15 tokens per char (0.09 to 0.2 for four files in five, measured
    // on 8,000 real files): a sixth fits most files, and a denser one grows the arrays by half.
    this.tokens = new Tokens(source, length / 6);
  }

  public static Tokens tokenize(String source) {
    PythonTokenizer tokenizer = new PythonTokenizer(source);
    tokenizer.run();
    tokenizer.tokens.vocabulary(tokenizer.names.build());
    return tokenizer.tokens;
  }

  private void run() {
    boolean atLineStart = true;
    while (true) {
      if (atLineStart) {
        atLineStart = false;
        if (bracketDepth == 0) {
          indentation();
        }
      }
      if (pos >= length) {
        break;
      }
      char c = text[pos];
      switch (c) {
        case ' ', '\t', '\f' -> pos++;
        case '\n', '\r' -> {
          lineBreak();
          atLineStart = true;
        }
        case '#' -> comment();
        case '\\' -> backslash();
        case '"', '\'' -> string(pos, pos, false, false, false);
        default -> {
          if (c < 128) {
            if (IDENTIFIER[c] == 1) {
              nameOrPrefixedString();
            } else if (IDENTIFIER[c] == 2 || (c == '.' && isDigitAt(pos + 1))) {
              number();
            } else {
              operator(c);
            }
          } else {
            nonAscii();
          }
        }
      }
    }
    if (lineHasCode) {
      emit(TokenKind.NEWLINE, pos, pos);
      lineHasCode = false;
    }
    while (indentCount > 1) {
      indentCount--;
      emit(TokenKind.DEDENT, pos, pos);
    }
    emit(TokenKind.ENDMARKER, pos, pos);
  }

  private void indentation() {
    int column = 0;
    int p = pos;
    boolean tab = false;
    while (p < length) {
      char c = text[p];
      if (c == ' ') {
        column++;
      } else if (c == '\t') {
        column = (column / TAB_SIZE + 1) * TAB_SIZE;
        tab = true;
      } else if (c == '\f') {
        column = 0;
      } else {
        break;
      }
      p++;
    }
    if (p >= length) {
      pos = p;
      return;
    }
    char first = text[p];
    if (first == '#' || first == '\n' || first == '\r' || (first == '\\' && lineBreakAt(p + 1))) {
      // Blank lines, comment lines and a lone continuation do not change the indentation.
      pos = p;
      return;
    }
    if (tab && tokens.firstTabIndentedLine() == 0) {
      tokens.firstTabIndentedLine(line);
    }
    int current = indents[indentCount - 1];
    if (column > current) {
      if (indentCount == indents.length) {
        indents = java.util.Arrays.copyOf(indents, indentCount * 2);
      }
      indents[indentCount++] = column;
      emit(TokenKind.INDENT, pos, p);
    } else {
      while (indentCount > 1 && column < indents[indentCount - 1]) {
        indentCount--;
        emit(TokenKind.DEDENT, p, p);
      }
    }
    pos = p;
  }

  private void lineBreak() {
    int end = pos + lineBreakLength(pos);
    if (bracketDepth == 0 && lineHasCode) {
      emit(TokenKind.NEWLINE, pos, end);
      lineHasCode = false;
    } else {
      emit(TokenKind.NL, pos, end);
    }
    pos = end;
    line++;
    lineStart = end;
  }

  private void comment() {
    int p = pos;
    while (p < length && text[p] != '\n' && text[p] != '\r') {
      p++;
    }
    emit(TokenKind.COMMENT, pos, p);
    pos = p;
  }

  private void backslash() {
    if (lineBreakAt(pos + 1)) {
      pos += 1 + lineBreakLength(pos + 1);
      line++;
      lineStart = pos;
    } else {
      code(TokenKind.ERRORTOKEN, pos, pos + 1);
      pos++;
    }
  }

  private void nameOrPrefixedString() {
    int start = pos;
    int p = pos + Character.charCount(Character.codePointAt(text, pos));
    while (p < length) {
      char c = text[p];
      if (c < 128) {
        if (IDENTIFIER[c] == 0) {
          break;
        }
        p++;
      } else if (Character.isUnicodeIdentifierPart(Character.codePointAt(text, p))) {
        p += Character.charCount(Character.codePointAt(text, p));
      } else {
        break;
      }
    }
    if (p < length && (text[p] == '"' || text[p] == '\'') && p - start <= 2) {
      int flags = prefixFlags(start, p);
      if (flags != FAILED) {
        string(start, p, (flags & RAW) != 0, (flags & FORMATTED) != 0, true);
        return;
      }
    }
    int hash = 0;
    for (int i = start; i < p; i++) {
      hash = 31 * hash + text[i];
    }
    names.add(hash);
    code(TokenKind.NAME, start, p);
    pos = p;
  }

  private void nonAscii() {
    int codePoint = Character.codePointAt(text, pos);
    if (Character.isUnicodeIdentifierStart(codePoint)) {
      nameOrPrefixedString();
    } else {
      int end = pos + Character.charCount(codePoint);
      code(TokenKind.ERRORTOKEN, pos, end);
      pos = end;
    }
  }

  private void number() {
    int p = pos;
    char c = text[p];
    if (c == '0' && p + 1 < length && "xXoObB".indexOf(text[p + 1]) >= 0) {
      p += 2;
      while (p < length && (isHexDigit(text[p]) || text[p] == '_')) {
        p++;
      }
    } else {
      p = digits(p);
      if (p < length && text[p] == '.') {
        p = digits(p + 1);
      }
      if (p < length && (text[p] == 'e' || text[p] == 'E')) {
        int q = p + 1;
        if (q < length && (text[q] == '+' || text[q] == '-')) {
          q++;
        }
        if (isDigitAt(q)) {
          p = digits(q);
        }
      }
      if (p < length && (text[p] == 'j' || text[p] == 'J')) {
        p++;
      }
    }
    code(TokenKind.NUMBER, pos, p);
    pos = p;
  }

  private int digits(int from) {
    int p = from;
    while (p < length && ((text[p] >= '0' && text[p] <= '9') || text[p] == '_')) {
      p++;
    }
    return p;
  }

  private void operator(char c) {
    int start = pos;
    int end = start + operatorLength(c);
    switch (c) {
      case '(', '[', '{' -> {
        int index = code(TokenKind.OP, start, end);
        if (bracketDepth == openBrackets.length) {
          openBrackets = java.util.Arrays.copyOf(openBrackets, bracketDepth * 2);
        }
        openBrackets[bracketDepth++] = index;
      }
      case ')', ']', '}' -> {
        if (bracketDepth > 0) {
          bracketDepth--;
          int index = code(TokenKind.OP, start, end);
          tokens.pair(openBrackets[bracketDepth], index);
        } else {
          code(TokenKind.OP, start, end);
        }
      }
      default -> {
        if (end == start) {
          end = start + 1;
          code(TokenKind.ERRORTOKEN, start, end);
        } else {
          code(TokenKind.OP, start, end);
        }
      }
    }
    pos = end;
  }

  /** The length of the longest operator at {@link #pos}; 0 when {@code c} starts none. */
  private int operatorLength(char c) {
    char next = pos + 1 < length ? text[pos + 1] : '\0';
    char third = pos + 2 < length ? text[pos + 2] : '\0';
    switch (c) {
      case '(', ')', '[', ']', '{', '}', ',', ';', '~':
        return 1;
      case '.':
        return next == '.' && third == '.' ? 3 : 1;
      case '*', '/', '<', '>':
        if (next == c) {
          return third == '=' ? 3 : 2;
        }
        if (c == '<' && next == '>') {
          return 2;
        }
        return next == '=' ? 2 : 1;
      case '-':
        return next == '=' || next == '>' ? 2 : 1;
      case ':':
        return next == '=' ? 2 : 1;
      case '+', '%', '&', '|', '^', '=', '@':
        return next == '=' ? 2 : 1;
      case '!':
        return next == '=' ? 2 : 1;
      default:
        return 0;
    }
  }

  // ---- strings ----

  private static final int RAW = 1;
  private static final int FORMATTED = 2;

  /** RAW/FORMATTED flags of a valid string prefix in {@code [start, end)}, or FAILED. */
  private int prefixFlags(int start, int end) {
    int flags = 0;
    boolean bytes = false;
    boolean unicode = false;
    for (int p = start; p < end; p++) {
      switch (Character.toLowerCase(text[p])) {
        case 'r' -> {
          if ((flags & RAW) != 0) {
            return FAILED;
          }
          flags |= RAW;
        }
        case 'f', 't' -> {
          if ((flags & FORMATTED) != 0 || bytes) {
            return FAILED;
          }
          flags |= FORMATTED;
        }
        case 'b' -> {
          if (bytes || (flags & FORMATTED) != 0) {
            return FAILED;
          }
          bytes = true;
        }
        case 'u' -> {
          if (end - start != 1) {
            return FAILED;
          }
          unicode = true;
        }
        default -> {
          return FAILED;
        }
      }
    }
    return unicode && flags != 0 ? FAILED : flags;
  }

  /** Emits the string starting at {@code start} whose opening quote is at {@code quote}. */
  private void string(int start, int quote, boolean raw, boolean formatted, boolean prefixed) {
    int end = scanString(quote, raw, formatted, 0);
    if (end == FAILED) {
      end = failedStringEnd;
      code(TokenKind.ERRORTOKEN, start, end);
    } else {
      code(TokenKind.STRING, start, end);
    }
    countLines(start, end);
    pos = end;
  }

  private boolean triple(int quote) {
    char q = text[quote];
    return quote + 2 < length && text[quote + 1] == q && text[quote + 2] == q;
  }

  /**
   * The end (exclusive) of the string literal whose opening quote is at {@code quote}, or FAILED
   * with {@link #failedStringEnd} set to where the error token should end.
   */
  private int scanString(int quote, boolean raw, boolean formatted, int nesting) {
    char q = text[quote];
    boolean triple = triple(quote);
    int p = quote + (triple ? 3 : 1);
    while (p < length) {
      char c = text[p];
      if (c == '\\') {
        p = formatted ? afterFormattedEscape(p, q, raw) : afterEscape(p);
      } else if (c == q) {
        if (!triple) {
          return p + 1;
        }
        if (p + 2 < length && text[p + 1] == q && text[p + 2] == q) {
          return p + 3;
        }
        p++;
      } else if (c == '\n' || c == '\r') {
        if (!triple) {
          return fail(quote, false);
        }
        p++;
      } else if (formatted && c == '{') {
        if (p + 1 < length && text[p + 1] == '{') {
          p += 2;
        } else {
          p = replacementField(p + 1, q, triple, nesting + 1);
          if (p == FAILED) {
            return fail(quote, triple);
          }
        }
      } else {
        p++;
      }
    }
    return fail(quote, triple);
  }

  /**
   * After a backslash at {@code p} in the literal part of an f-string: a brace after it still opens
   * or closes a field, and {@code \N{NAME}} is one escape, not a field.
   */
  private int afterFormattedEscape(int p, char quote, boolean raw) {
    char next = p + 1 < length ? text[p + 1] : '\0';
    if (next == '{' || next == '}') {
      return p + 1;
    }
    if (!raw && next == 'N' && p + 2 < length && text[p + 2] == '{') {
      for (int q = p + 3; q < length; q++) {
        char c = text[q];
        if (c == '}') {
          return q + 1;
        }
        if (c == quote || c == '\n' || c == '\r') {
          break;
        }
      }
      return p + 3;
    }
    return afterEscape(p);
  }

  /** After a backslash at {@code p}: the escaped character, a CRLF counted as one. */
  private int afterEscape(int p) {
    if (p + 2 < length && text[p + 1] == '\r' && text[p + 2] == '\n') {
      return p + 3;
    }
    return Math.min(length, p + 2);
  }

  private int fail(int quote, boolean triple) {
    if (triple) {
      failedStringEnd = length;
    } else {
      int p = quote;
      while (p < length && text[p] != '\n' && text[p] != '\r') {
        p++;
      }
      failedStringEnd = p;
    }
    return FAILED;
  }

  /**
   * Scans an f-string replacement field from just after its '{' to just after its '}': an
   * expression (where, since PEP 701, strings with any quotes, comments and line breaks may
   * appear), an optional {@code !conversion} and an optional format spec with nested fields.
   */
  private int replacementField(int from, char outerQuote, boolean outerTriple, int nesting) {
    if (nesting > MAX_FSTRING_NESTING) {
      return FAILED;
    }
    int p = from;
    int depth = 0;
    while (p < length) {
      char c = text[p];
      if (c == '"' || c == '\'') {
        p = scanString(p, false, false, nesting);
        if (p == FAILED) {
          return FAILED;
        }
      } else if (c < 128 && IDENTIFIER[c] == 1) {
        int q = p + 1;
        while (q < length && text[q] < 128 && IDENTIFIER[text[q]] != 0) {
          q++;
        }
        if (q < length && (text[q] == '"' || text[q] == '\'') && q - p <= 2) {
          int flags = prefixFlags(p, q);
          if (flags != FAILED) {
            q = scanString(q, (flags & RAW) != 0, (flags & FORMATTED) != 0, nesting);
            if (q == FAILED) {
              return FAILED;
            }
          }
        }
        p = q;
      } else if (c == '#') {
        while (p < length && text[p] != '\n' && text[p] != '\r') {
          p++;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        p++;
      } else if (c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
        p++;
      } else if (c == '}') {
        if (depth == 0) {
          return p + 1;
        }
        depth--;
        p++;
      } else if (depth == 0 && c == '!' && p + 1 < length && text[p + 1] != '=') {
        p++;
      } else if (depth == 0 && c == ':') {
        return formatSpec(p + 1, outerQuote, outerTriple, nesting);
      } else {
        p++;
      }
    }
    return FAILED;
  }

  private int formatSpec(int from, char outerQuote, boolean outerTriple, int nesting) {
    int p = from;
    while (p < length) {
      char c = text[p];
      if (c == '}') {
        return p + 1;
      } else if (c == '{') {
        p = replacementField(p + 1, outerQuote, outerTriple, nesting + 1);
        if (p == FAILED) {
          return FAILED;
        }
      } else if (c == outerQuote && (!outerTriple || triple(p))) {
        return FAILED;
      } else if (!outerTriple && (c == '\n' || c == '\r')) {
        return FAILED;
      } else if (c == '\\') {
        p = afterEscape(p);
      } else {
        p++;
      }
    }
    return FAILED;
  }

  // ---- helpers ----

  private int code(TokenKind kind, int start, int end) {
    lineHasCode = true;
    return emit(kind, start, end);
  }

  private int emit(TokenKind kind, int start, int end) {
    char first = start < length ? text[start] : 0;
    return tokens.add(kind, start, end, line, start - lineStart, bracketDepth, first);
  }

  /** Advances the line counter over the line breaks inside {@code [start, end)}. */
  private void countLines(int start, int end) {
    for (int p = start; p < end; p++) {
      char c = text[p];
      if (c == '\n' || (c == '\r' && (p + 1 >= end || text[p + 1] != '\n'))) {
        line++;
        lineStart = p + 1;
      }
    }
  }

  private boolean lineBreakAt(int p) {
    return p < length && (text[p] == '\n' || text[p] == '\r');
  }

  private int lineBreakLength(int p) {
    return text[p] == '\r' && p + 1 < length && text[p + 1] == '\n' ? 2 : 1;
  }

  private boolean isDigitAt(int p) {
    return p < length && text[p] >= '0' && text[p] <= '9';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public String toString() {
    return "PythonTokenizer[" + source.length() + " chars]";
  }
}
