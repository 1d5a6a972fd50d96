package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The logical lines of a token stream, each by its first code token, for the checks that judge a
 * statement by the blocks around it (the {@code if} a prompt or a level setting sits under).
 */
public final class LogicalLines {

  private final Tokens tokens;
  private final int[] starts;
  private final int count;

  private LogicalLines(Tokens tokens, int[] starts, int count) {
    this.tokens = tokens;
    this.starts = starts;
    this.count = count;
  }

  /** The logical lines of {@code t}: a code token after a NEWLINE, INDENT or DEDENT starts one. */
  public static LogicalLines of(Tokens t) {
    // A logical line takes a code token and its NEWLINE at least: half the tokens bound the count.
    int[] starts = new int[t.size() / 2 + 1];
    int count = 0;
    boolean start = true;
    for (int i = 0; i < t.size(); i++) {
      TokenKind kind = t.kind(i);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
        start = true;
      } else if (!t.isTrivia(i) && kind != TokenKind.ENDMARKER) {
        if (start) {
          starts[count++] = i;
        }
        start = false;
      }
    }
    return new LogicalLines(t, starts, count);
  }

  /** The first token of each logical line, in order. */
  public List<Integer> starts() {
    return Arrays.stream(starts, 0, count).boxed().toList();
  }

  /** How many logical lines there are. */
  public int count() {
    return count;
  }

  /** The first token of the logical line at {@code index} (0-based, below {@link #count()}). */
  public int start(int index) {
    return starts[index];
  }

  /**
   * The index in {@link #starts()} of the logical line that holds {@code line}: the last one
   * starting on or before it; -1 when none does.
   */
  public int at(int line) {
    int low = 0;
    int high = count - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (tokens.line(starts[middle]) <= line) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /**
   * The first tokens of the block headers around the logical line at {@code index}, innermost
   * first: walking out, each is the nearest earlier logical line indented less than the one before.
   */
  public List<Integer> enclosingHeaders(int index) {
    List<Integer> headers = new ArrayList<>();
    if (index < 0) {
      return headers;
    }
    int column = tokens.column(starts[index]);
    for (int k = index - 1; k >= 0 && column > 0; k--) {
      int header = starts[k];
      if (tokens.column(header) < column) {
        column = tokens.column(header);
        headers.add(header);
      }
    }
    return headers;
  }
}
