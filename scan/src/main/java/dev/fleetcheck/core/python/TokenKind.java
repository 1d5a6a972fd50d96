package dev.fleetcheck.core.python;

/** The kinds of Python 3 tokens, as the standard library's {@code tokenize} names them. */
public enum TokenKind {
  NAME,
  NUMBER,
  /**
   * Any string literal, prefixes included; an f-string with its replacement fields is one token.
   */
  STRING,
  OP,
  COMMENT,
  /** The end of a logical line. */
  NEWLINE,
  /** A line break that does not end a logical line (blank line, comment line, inside brackets). */
  NL,
  INDENT,
  DEDENT,
  /** Text the tokenizer could not make sense of; tokenizing goes on after it. */
  ERRORTOKEN,
  ENDMARKER;

  private static final TokenKind[] VALUES = values();

  static TokenKind ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
