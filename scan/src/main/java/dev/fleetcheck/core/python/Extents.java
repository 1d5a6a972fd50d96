package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.List;

/** Measures the defs and classes of one token stream ({@link Extent}). */
final class Extents {

  private Extents() {}

  static List<Extent> of(Blocks of) {
    Tokens t = of.tokens();
    List<Blocks.Block> blocks = of.all();
    List<Extent> extents = new ArrayList<>();
    // Counts up to each token, made once: a def inside a class inside a def is measured for each
    // of them, and walking its tokens again for each cost more than the rest of the analysis.
    int[] statementsBefore = null;
    int[] decisionsBefore = null;
    for (int b = 0; b < blocks.size(); b++) {
      Blocks.Block block = blocks.get(b);
      if (block.kind() == Blocks.Kind.EXCEPT) {
        continue;
      }
      if (statementsBefore == null) {
        statementsBefore = new int[t.size() + 1];
        decisionsBefore = new int[t.size() + 1];
        count(t, first(blocks, b), last(blocks, b), statementsBefore, decisionsBefore);
      }
      int first = block.firstToken();
      int last = block.lastToken();
      int statements = between(statementsBefore, first, last);
      int complexity = 1 + between(decisionsBefore, first, last) + nestedDefs(blocks, b);
      if (last >= first && !t.isKind(last, TokenKind.NEWLINE)) {
        statements++;
      }
      extents.add(
          new Extent(
              block.kind(),
              block.name(),
              block.line(),
              block.lastLine(),
              block.depth(),
              statements,
              block.kind() == Blocks.Kind.DEF ? complexity : 0));
    }
    return extents;
  }

  /**
   * Statement ends (NEWLINE tokens and top-level ';') and decision points before each token: {@code
   * before[i]} counts the tokens from {@code from} to i - 1. Only differences between two tokens of
   * one block are asked for, so tokens outside {@code from} to {@code to} (the span of all blocks)
   * need not be looked at.
   */
  private static void count(
      Tokens t, int from, int to, int[] statementsBefore, int[] decisionsBefore) {
    int statements = 0;
    int decisions = 0;
    for (int i = from; i <= to; i++) {
      statementsBefore[i] = statements;
      decisionsBefore[i] = decisions;
      if (t.isKind(i, TokenKind.NEWLINE) || (t.isOp(i, ';') && t.depth(i) == 0)) {
        statements++;
      }
      if (t.isKind(i, TokenKind.NAME) && decision(t, i)) {
        decisions++;
      }
    }
    statementsBefore[to + 1] = statements;
    decisionsBefore[to + 1] = decisions;
  }

  /** The first token of the blocks from {@code b} on (they are in order of their first token). */
  private static int first(List<Blocks.Block> blocks, int b) {
    return blocks.get(b).firstToken();
  }

  /** The last token any block from {@code b} on reaches, at least its first one. */
  private static int last(List<Blocks.Block> blocks, int b) {
    int last = blocks.get(b).firstToken();
    for (int k = b; k < blocks.size(); k++) {
      last = Math.max(last, blocks.get(k).lastToken());
    }
    return last;
  }

  /** How many counted tokens lie from {@code first} to {@code last}, both included. */
  private static int between(int[] before, int first, int last) {
    return last < first ? 0 : before[last + 1] - before[first];
  }

  /**
   * The defs that start within block {@code b}, methods of nested classes included: as in Ruff's
   * C901, each nested def is one more decision point of the def around it (whose span already holds
   * the nested def's own decision points). The blocks are in order of their first token.
   */
  private static int nestedDefs(List<Blocks.Block> blocks, int b) {
    int last = blocks.get(b).lastToken();
    int defs = 0;
    for (int k = b + 1; k < blocks.size() && blocks.get(k).firstToken() <= last; k++) {
      if (blocks.get(k).kind() == Blocks.Kind.DEF) {
        defs++;
      }
    }
    return defs;
  }

  /**
   * A decision point as Ruff's C901 (McCabe) counts them: the statements {@code if}, {@code elif},
   * {@code for} (also {@code async for}), {@code while}, each {@code except} clause, a try's {@code
   * else} clause and each {@code case} but a last irrefutable one. Boolean operators, conditional
   * expressions and comprehension clauses are expressions, not statements, and do not count.
   */
  private static boolean decision(Tokens t, int i) {
    // Compared in place, by first letter: this runs on every name in a def or class.
    char first = t.source().charAt(t.start(i));
    return switch (first) {
      case 'i' -> t.is(i, "if") && startsStatement(t, i);
      case 'e' ->
          ((t.is(i, "elif") || t.is(i, "except")) && startsStatement(t, i))
              || (t.is(i, "else") && startsStatement(t, i) && closesTry(t, i));
      case 'f' -> t.is(i, "for") && (startsStatement(t, i) || afterAsync(t, i));
      case 'w' -> t.is(i, "while") && startsStatement(t, i);
      case 'c' -> t.is(i, "case") && startsStatement(t, i) && refutableCase(t, i);
      default -> false;
    };
  }

  private static boolean afterAsync(Tokens t, int i) {
    int before = t.skipTriviaBack(i - 1);
    return before >= 0 && t.is(before, "async") && startsStatement(t, before);
  }

  /**
   * Whether the {@code case} at {@code i} opens a pattern that can fail: not a soft-keyword name
   * used as a variable ({@code case = 1}, {@code case.x}), not a capture or wildcard alone ({@code
   * case _:}, {@code case other:}), which Python allows only as the last case and which is the
   * match's {@code else}.
   */
  private static boolean refutableCase(Tokens t, int i) {
    int next = t.skipTrivia(i + 1);
    if (next >= t.size() || t.isOp(next, '=') || t.isOp(next, '.')) {
      return false;
    }
    return !(t.isName(next) && t.isOp(t.skipTrivia(next + 1), ':'));
  }

  /**
   * Whether the {@code else} clause at {@code i} belongs to a try: the nearest statement before it
   * at its own indentation is an {@code except} clause (an if's, for's or while's else follows
   * their own clauses).
   */
  private static boolean closesTry(Tokens t, int i) {
    int column = t.column(i);
    for (int j = i - 1; j >= 0; j--) {
      if (!t.isKind(j, TokenKind.NAME) || !startsStatement(t, j)) {
        continue;
      }
      int at = t.column(j);
      if (at == column) {
        return t.is(j, "except");
      }
      if (at < column) {
        return false;
      }
    }
    return false;
  }

  private static boolean startsStatement(Tokens t, int i) {
    int before = t.skipTriviaBack(i - 1);
    return before < 0
        || t.isKind(before, TokenKind.NEWLINE)
        || t.isKind(before, TokenKind.INDENT)
        || t.isKind(before, TokenKind.DEDENT);
  }
}
