package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.List;

/** Measures the defs and classes of one token stream ({@link Extent}). */
final class Extents {

  private static final List<String> DECISIONS =
      List.of("if", "elif", "for", "while", "except", "and", "or");

  private Extents() {}

  static List<Extent> of(Blocks of) {
    Tokens t = of.tokens();
    List<Blocks.Block> blocks = of.all();
    List<Extent> extents = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      Blocks.Block block = blocks.get(b);
      if (block.kind() == Blocks.Kind.EXCEPT) {
        continue;
      }
      int statements = 0;
      int complexity = 1;
      int skipUntil = -1;
      int next = b + 1;
      for (int i = block.firstToken(); i <= block.lastToken(); i++) {
        if (t.isKind(i, TokenKind.NEWLINE) || (t.isOp(i, ';') && t.depth(i) == 0)) {
          statements++;
        }
        while (next < blocks.size() && blocks.get(next).firstToken() <= i) {
          Blocks.Block inner = blocks.get(next++);
          if (inner.kind() != Blocks.Kind.EXCEPT && inner.firstToken() == i) {
            skipUntil = Math.max(skipUntil, inner.lastToken());
          }
        }
        if (i > skipUntil && t.isKind(i, TokenKind.NAME) && decision(t, i)) {
          complexity++;
        }
      }
      if (block.lastToken() >= block.firstToken()
          && !t.isKind(block.lastToken(), TokenKind.NEWLINE)) {
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

  private static boolean decision(Tokens t, int i) {
    // Compared in place: this runs on every name of every def, nested ones again for each def
    // around them, and a substring per name cost more than the rest of the pass.
    int length = t.length(i);
    if (length < 2 || length > 6) {
      return false;
    }
    for (String keyword : DECISIONS) {
      if (t.is(i, keyword)) {
        return !t.isOp(t.skipTriviaBack(i - 1), '.');
      }
    }
    return t.is(i, "case") && startsStatement(t, i);
  }

  private static boolean startsStatement(Tokens t, int i) {
    int before = t.skipTriviaBack(i - 1);
    return before < 0
        || t.isKind(before, TokenKind.NEWLINE)
        || t.isKind(before, TokenKind.INDENT)
        || t.isKind(before, TokenKind.DEDENT);
  }
}
