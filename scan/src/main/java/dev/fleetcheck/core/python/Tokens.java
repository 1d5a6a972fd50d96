package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The token stream of one source text, held in primitive arrays so that tokenizing allocates no
 * object per token. Index {@code i} runs from 0 to {@link #size()} - 1; the last token is always
 * {@link TokenKind#ENDMARKER}. Positions: {@code start}/{@code end} are offsets into {@link
 * #source()}, lines are 1-based, columns 0-based in chars of the decoded text.
 */
public final class Tokens {

  private static final int OP_ORDINAL = TokenKind.OP.ordinal();
  private static final int NAME_ORDINAL = TokenKind.NAME.ordinal();
  private static final int NL_ORDINAL = TokenKind.NL.ordinal();
  private static final int COMMENT_ORDINAL = TokenKind.COMMENT.ordinal();
  private static final int NEWLINE_ORDINAL = TokenKind.NEWLINE.ordinal();
  private static final int INDENT_ORDINAL = TokenKind.INDENT.ordinal();
  private static final int DEDENT_ORDINAL = TokenKind.DEDENT.ordinal();
  private static final byte WIDE_OP = -1;

  private final String source;
  private byte[] kinds;
  private int[] starts;
  private int[] ends;
  private int[] lines;
  private int[] columns;
  private int[] depths;
  private int[] matches;

  /** A one-character operator's character (ASCII), {@link #WIDE_OP} past ASCII, else 0. */
  private byte[] opChars;

  private int size;
  private int firstTabIndentedLine;
  private Vocabulary vocabulary;

  Tokens(String source, int expectedTokens) {
    this.source = source;
    int capacity = Math.max(16, expectedTokens);
    kinds = new byte[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    lines = new int[capacity];
    columns = new int[capacity];
    depths = new int[capacity];
    matches = new int[capacity];
    opChars = new byte[capacity];
  }

  /** Adds a token; {@code first} is its first character (any value for an empty token). */
  int add(TokenKind kind, int start, int end, int line, int column, int depth, char first) {
    if (size == kinds.length) {
      grow();
    }
    kinds[size] = (byte) kind.ordinal();
    starts[size] = start;
    ends[size] = end;
    lines[size] = line;
    columns[size] = column;
    depths[size] = depth;
    matches[size] = -1;
    opChars[size] = kind == TokenKind.OP && end - start == 1 ? opChar(first) : 0;
    return size++;
  }

  private static byte opChar(char c) {
    return c < 0x80 ? (byte) c : WIDE_OP;
  }

  void pair(int open, int close) {
    matches[open] = close;
    matches[close] = open;
  }

  void firstTabIndentedLine(int line) {
    this.firstTabIndentedLine = line;
  }

  void vocabulary(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The names the tokenizer met, hashed as it went ({@link Vocabulary#of}); null if not kept. */
  Vocabulary vocabulary() {
    return vocabulary;
  }

  private void grow() {
    int capacity = kinds.length + (kinds.length >> 1);
    kinds = Arrays.copyOf(kinds, capacity);
    starts = Arrays.copyOf(starts, capacity);
    ends = Arrays.copyOf(ends, capacity);
    lines = Arrays.copyOf(lines, capacity);
    columns = Arrays.copyOf(columns, capacity);
    depths = Arrays.copyOf(depths, capacity);
    matches = Arrays.copyOf(matches, capacity);
    opChars = Arrays.copyOf(opChars, capacity);
  }

  public String source() {
    return source;
  }

  public int size() {
    return size;
  }

  public TokenKind kind(int i) {
    return TokenKind.ofOrdinal(kinds[i]);
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  public int line(int i) {
    return lines[i];
  }

  public int column(int i) {
    return columns[i];
  }

  /** How many brackets enclose the token (an opening or closing bracket counts as outside). */
  public int depth(int i) {
    return depths[i];
  }

  /** For a bracket token, the index of its partner; -1 when unbalanced or not a bracket. */
  public int match(int i) {
    return matches[i];
  }

  public String text(int i) {
    return source.substring(starts[i], ends[i]);
  }

  public int length(int i) {
    return ends[i] - starts[i];
  }

  /** Whether token {@code i} exists and has exactly this text (no allocation). */
  public boolean is(int i, String text) {
    return i >= 0
        && i < size
        && ends[i] - starts[i] == text.length()
        && source.startsWith(text, starts[i]);
  }

  public boolean isKind(int i, TokenKind kind) {
    return i >= 0 && i < size && kinds[i] == kind.ordinal();
  }

  /**
   * Whether token {@code i} is the one-character operator {@code op} (checks ask this of most
   * tokens, so the character is kept beside the kind rather than read from the source).
   */
  public boolean isOp(int i, char op) {
    if (i < 0 || i >= size) {
      return false;
    }
    byte known = opChars[i];
    return known != 0 && (known == op || (known == WIDE_OP && source.charAt(starts[i]) == op));
  }

  public boolean isName(int i) {
    return i >= 0 && i < size && kinds[i] == NAME_ORDINAL;
  }

  /** Whether the token carries no code: a comment or a line break inside a logical line. */
  public boolean isTrivia(int i) {
    int kind = kinds[i];
    return kind == NL_ORDINAL || kind == COMMENT_ORDINAL;
  }

  /** The next index at or after {@code i} that is not trivia (or {@code size()}). */
  public int skipTrivia(int i) {
    int j = i;
    while (j < size && isTrivia(j)) {
      j++;
    }
    return j;
  }

  /**
   * Whether token {@code i} begins a logical line: the code token before it, if any, ends a line or
   * changes the indentation.
   */
  public boolean startsStatement(int i) {
    int before = skipTriviaBack(i - 1);
    if (before < 0) {
      return true;
    }
    int kind = kinds[before];
    return kind == NEWLINE_ORDINAL || kind == INDENT_ORDINAL || kind == DEDENT_ORDINAL;
  }

  /** The previous index at or before {@code i} that is not trivia (or -1). */
  public int skipTriviaBack(int i) {
    int j = i;
    while (j >= 0 && isTrivia(j)) {
      j--;
    }
    return j;
  }

  /**
   * The first line of a logical line whose indentation holds a tab, or 0 when none does. Lines
   * continued inside brackets or after a backslash are not indentation and do not count.
   */
  public int firstTabIndentedLine() {
    return firstTabIndentedLine;
  }

  /** The value of a plain string literal token; null for f-strings and anything not a string. */
  public String stringValue(int i) {
    return isKind(i, TokenKind.STRING) ? StringLiterals.value(text(i)) : null;
  }

  public Token token(int i) {
    return new Token(kind(i), text(i), lines[i], columns[i]);
  }

  public List<Token> list() {
    List<Token> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(token(i));
    }
    return list;
  }
}
