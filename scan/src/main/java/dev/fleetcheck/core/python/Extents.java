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
      int statements = 1 + between(statementsBefore, first, last);
      int complexity = 1 + between(decisionsBefore, first, last) + nestedDefs(blocks, b);
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
   * Statements and decision points before each token: {@code before[i]} counts the tokens from
   * {@code from} to i - 1. Only differences between two tokens of one block are asked for, so
   * tokens outside {@code from} to {@code to} (the span of all blocks) need not be looked at. A
   * statement is counted on the first token of its logical line (weighted by {@link #weight}), on
   * the body of a one-line compound statement ({@code if x: return}) and after each {@code ;}.
   */
  private static void count(
      Tokens t, int from, int to, int[] statementsBefore, int[] decisionsBefore) {
    int statements = 0;
    int decisions = 0;
    int oneLineBody = -1;
    boolean lineStart = true;
    for (int i = from; i <= to; i++) {
      statementsBefore[i] = statements;
      decisionsBefore[i] = decisions;
      if (t.isTrivia(i)) {
        continue;
      }
      TokenKind kind = t.kind(i);
      boolean startsLine = lineStart;
      lineStart = kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT;
      if (lineStart || kind == TokenKind.ENDMARKER) {
        continue;
      }
      if (startsLine && t.is(i, "else")) {
        // The clause an else closes decides both counts: looked up once.
        int head = clauseBefore(t, i);
        statements += elseWeight(t, i, head);
        if (head >= 0 && t.is(head, "except")) {
          decisions++;
        }
        oneLineBody = bodyAfterColon(t, i);
        continue;
      }
      if (startsLine) {
        statements += weight(t, i);
        oneLineBody = compoundHeader(t, i) ? bodyAfterColon(t, i) : -1;
      } else if (i == oneLineBody
          || (t.isOp(i, ';')
              && t.depth(i) == 0
              && !t.isKind(t.skipTrivia(i + 1), TokenKind.NEWLINE))) {
        statements++;
      }
      if (kind == TokenKind.NAME && decision(t, i, startsLine)) {
        decisions++;
      }
    }
    statementsBefore[to + 1] = statements;
    decisionsBefore[to + 1] = decisions;
  }

  /**
   * What a logical line starting at {@code i} adds to a def's statements, as Pylint's
   * too-many-statements counts them (its design checker): a simple statement, {@code if}, {@code
   * elif}, an if's {@code else}, {@code with}, {@code match} and {@code finally} one each; an
   * {@code except} clause two (the branch and the handler); a try's {@code else} one; the headers
   * {@code try}, {@code for}, {@code while}, a loop's {@code else}, {@code def}, {@code class},
   * {@code case} and decorators none (their bodies count).
   */
  private static int weight(Tokens t, int i) {
    if (t.isOp(i, '@')) {
      return 0;
    }
    if (!t.isKind(i, TokenKind.NAME)) {
      return 1;
    }
    if (t.is(i, "except")) {
      return 2;
    }
    if (t.is(i, "try")
        || t.is(i, "for")
        || t.is(i, "while")
        || t.is(i, "def")
        || t.is(i, "class")) {
      return 0;
    }
    if (t.is(i, "async")) {
      return t.is(t.skipTrivia(i + 1), "with") ? 1 : 0;
    }
    if (t.is(i, "case")) {
      return caseClause(t, i) ? 0 : 1;
    }
    return 1;
  }

  /**
   * The statements an {@code else} at {@code i} adds, {@code head} being the header of the clause
   * it follows ({@link #clauseBefore}): none after a loop, none when it holds only an if (Python's
   * tree cannot tell it from {@code elif}, nor can Pylint), else one.
   */
  private static int elseWeight(Tokens t, int i, int head) {
    if (head >= 0 && (t.is(head, "for") || t.is(head, "while") || t.is(head, "async"))) {
      return 0;
    }
    return head >= 0 && !t.is(head, "except") && holdsOnlyAnIf(t, i) ? 0 : 1;
  }

  /**
   * Whether the block of the {@code else} at {@code i} is one if statement (with its elif and else
   * clauses) and nothing else.
   */
  private static boolean holdsOnlyAnIf(Tokens t, int i) {
    int colon = t.skipTrivia(i + 1);
    int lineEnd = t.skipTrivia(colon + 1);
    if (!t.isKind(lineEnd, TokenKind.NEWLINE)) {
      return false;
    }
    int indent = t.skipTrivia(lineEnd + 1);
    int first = t.skipTrivia(indent + 1);
    if (!t.isKind(indent, TokenKind.INDENT) || !t.is(first, "if")) {
      return false;
    }
    int column = t.column(first);
    int level = 1;
    for (int j = first + 1; j < t.size(); j++) {
      if (t.isKind(j, TokenKind.INDENT)) {
        level++;
      } else if (t.isKind(j, TokenKind.DEDENT) && --level == 0) {
        return true;
      } else if (level == 1
          && t.isKind(j, TokenKind.NAME)
          && t.column(j) == column
          && t.startsStatement(j)
          && !t.is(j, "elif")
          && !t.is(j, "else")) {
        return false;
      }
    }
    return true;
  }

  private static boolean compoundHeader(Tokens t, int i) {
    if (!t.isKind(i, TokenKind.NAME)) {
      return false;
    }
    return switch (t.source().charAt(t.start(i))) {
      case 'i' -> t.is(i, "if");
      case 'e' -> t.is(i, "elif") || t.is(i, "else") || t.is(i, "except");
      case 'f' -> t.is(i, "for") || t.is(i, "finally");
      case 'w' -> t.is(i, "while") || t.is(i, "with");
      case 't' -> t.is(i, "try");
      case 'd' -> t.is(i, "def");
      case 'c' -> t.is(i, "class") || (t.is(i, "case") && caseClause(t, i));
      case 'a' -> t.is(i, "async");
      case 'm' -> t.is(i, "match");
      default -> false;
    };
  }

  /**
   * The first token of a compound statement's body written on its header's line ({@code if x:
   * return}), or -1 when the body starts on the next line: what follows the header's first colon
   * outside brackets.
   */
  private static int bodyAfterColon(Tokens t, int i) {
    for (int j = i + 1; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
      if (t.isOp(j, ':') && t.depth(j) == 0) {
        int body = t.skipTrivia(j + 1);
        return body < t.size() && !t.isKind(body, TokenKind.NEWLINE) ? body : -1;
      }
    }
    return -1;
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
   * {@code for} (also {@code async for}), {@code while}, each {@code except} clause and each {@code
   * case} but a last irrefutable one (a try's {@code else} is counted where elses are weighed).
   * Boolean operators, conditional expressions and comprehension clauses are expressions, not
   * statements, and do not count. {@code startsLine}: whether token {@code i} begins a logical
   * line.
   */
  private static boolean decision(Tokens t, int i, boolean startsLine) {
    // Compared in place, by first letter: this runs on every name in a def or class.
    char first = t.source().charAt(t.start(i));
    return switch (first) {
      case 'i' -> startsLine && t.is(i, "if");
      case 'e' -> startsLine && (t.is(i, "elif") || t.is(i, "except"));
      case 'f' -> t.is(i, "for") && (startsLine || afterAsync(t, i));
      case 'w' -> startsLine && t.is(i, "while");
      case 'c' -> startsLine && t.is(i, "case") && refutableCase(t, i);
      default -> false;
    };
  }

  private static boolean afterAsync(Tokens t, int i) {
    int before = t.skipTriviaBack(i - 1);
    return before >= 0 && t.is(before, "async") && t.startsStatement(before);
  }

  /**
   * Whether the {@code case} at {@code i} opens a pattern that can fail: not a soft-keyword name
   * used as a variable ({@code case = 1}, {@code case.x}), not a capture or wildcard alone ({@code
   * case _:}, {@code case other:}), which Python allows only as the last case and which is the
   * match's {@code else}.
   */
  private static boolean refutableCase(Tokens t, int i) {
    if (!caseClause(t, i)) {
      return false;
    }
    int next = t.skipTrivia(i + 1);
    return !(t.isName(next) && t.isOp(t.skipTrivia(next + 1), ':'));
  }

  /** Whether the soft keyword {@code case} at a statement's start opens a case clause. */
  private static boolean caseClause(Tokens t, int i) {
    int next = t.skipTrivia(i + 1);
    return next < t.size()
        && !t.isKind(next, TokenKind.NEWLINE)
        && !t.isOp(next, '=')
        && !t.isOp(next, '.')
        && !t.isOp(next, ':');
  }

  /**
   * The first token of the nearest statement before {@code i} at {@code i}'s own indentation: for
   * an {@code else}, the header of the clause it follows ({@code if}, {@code elif}, {@code except},
   * {@code for}, {@code while}, {@code async}); -1 when there is none in its block.
   */
  private static int clauseBefore(Tokens t, int i) {
    int column = t.column(i);
    for (int j = i - 1; j >= 0; j--) {
      if (!t.isKind(j, TokenKind.NAME) || !t.startsStatement(j)) {
        continue;
      }
      int at = t.column(j);
      if (at == column) {
        return j;
      }
      if (at < column) {
        return -1;
      }
    }
    return -1;
  }
}
