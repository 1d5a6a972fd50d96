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
      int complexity =
          1 + between(decisionsBefore, first, last) - nested(blocks, b, decisionsBefore);
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
   * The decision points inside the defs and classes that start within block {@code b} (its except
   * clauses excepted): they count for those blocks, not for {@code b}. The blocks are in order of
   * their first token, so those inside {@code b} follow it, and their spans merge as they come.
   */
  private static int nested(List<Blocks.Block> blocks, int b, int[] decisionsBefore) {
    int last = blocks.get(b).lastToken();
    int inside = 0;
    int from = 0;
    int to = -1;
    for (int k = b + 1; k < blocks.size() && blocks.get(k).firstToken() <= last; k++) {
      Blocks.Block inner = blocks.get(k);
      if (inner.kind() == Blocks.Kind.EXCEPT) {
        continue;
      }
      int innerLast = Math.min(inner.lastToken(), last);
      if (inner.firstToken() > to) {
        inside += between(decisionsBefore, from, to);
        from = inner.firstToken();
        to = innerLast;
      } else {
        to = Math.max(to, innerLast);
      }
    }
    return inside + between(decisionsBefore, from, to);
  }

  private static boolean decision(Tokens t, int i) {
    // Compared in place, by first letter: this runs on every name in a def or class.
    char first = t.source().charAt(t.start(i));
    if (first == 'c') {
      return t.is(i, "case") && startsStatement(t, i);
    }
    boolean keyword =
        switch (first) {
          case 'i' -> t.is(i, "if");
          case 'e' -> t.is(i, "elif") || t.is(i, "except");
          case 'f' -> t.is(i, "for");
          case 'w' -> t.is(i, "while");
          case 'a' -> t.is(i, "and");
          case 'o' -> t.is(i, "or");
          default -> false;
        };
    return keyword && !t.isOp(t.skipTriviaBack(i - 1), '.');
  }

  private static boolean startsStatement(Tokens t, int i) {
    int before = t.skipTriviaBack(i - 1);
    return before < 0
        || t.isKind(before, TokenKind.NEWLINE)
        || t.isKind(before, TokenKind.INDENT)
        || t.isKind(before, TokenKind.DEDENT);
  }
}
