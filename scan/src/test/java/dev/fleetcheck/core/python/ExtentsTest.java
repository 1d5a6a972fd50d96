package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtentsTest {

  private static final String NESTED =
      """
      import os

      if os.name == "nt" and True:
          X = 1

      class Outer:
          def method(self, a):
              if a or not a:
                  for i in range(3):
                      while i:
                          i -= 1
              try:
                  pass
              except KeyError:
                  if a:
                      pass
              def inner(b):
                  return b if b else [c for c in b if c]
              return inner

          class Nested:
              def deep(self):
                  match self:
                      case 1:
                          pass
                      case _:
                          pass
                  x = self.if_ = obj.for_; y = 2

      def one_liner(): return 1 if x else 2
      async def coro():
          async for item in source():
              if item.case and item.or_:
                  yield item
      """;

  @Test
  void measuresNestedDefsAndClassesAsTheyAreCounted() {
    List<Extent> extents = Extents.of(Blocks.of(PythonTokenizer.tokenize(NESTED)));

    assertThat(extents)
        .extracting(Extent::name, Extent::complexity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Outer", 0),
            org.assertj.core.groups.Tuple.tuple("method", 7),
            org.assertj.core.groups.Tuple.tuple("inner", 4),
            org.assertj.core.groups.Tuple.tuple("Nested", 0),
            org.assertj.core.groups.Tuple.tuple("deep", 3),
            org.assertj.core.groups.Tuple.tuple("one_liner", 2),
            org.assertj.core.groups.Tuple.tuple("coro", 4));
    assertThat(extents).isEqualTo(reference(NESTED));
  }

  @Test
  void agreesWithATokenByTokenCountOnGeneratedCode() {
    Random random = new Random(11);
    for (int sample = 0; sample < 300; sample++) {
      String source = generated(random);
      assertThat(Extents.of(Blocks.of(PythonTokenizer.tokenize(source))))
          .as(source)
          .isEqualTo(reference(source));
    }
  }

  private static String generated(Random random) {
    String[] lines = {
      "def f%d(a):",
      "class C%d:",
      "async def g%d():",
      "if a and b%d:",
      "for i in r%d:",
      "while x%d or y:",
      "try:",
      "except E%d:",
      "x = %d if a else 2",
      "match v%d:",
      "case %d:",
      "return [c for c in r if c%d]",
      "pass; y = %d",
      "z = obj.if_%d",
      "def h%d(): return 1 or 2",
    };
    StringBuilder source = new StringBuilder();
    int indent = 0;
    for (int n = 0; n < 40; n++) {
      String line = String.format(lines[random.nextInt(lines.length)], n);
      source.append("    ".repeat(indent)).append(line).append('\n');
      if (line.endsWith(":")) {
        source.append("    ".repeat(indent + 1)).append("pass\n");
        indent++;
      }
      if (indent > 0 && random.nextInt(3) == 0) {
        indent -= 1 + random.nextInt(indent);
      }
    }
    return source.toString();
  }

  /** The count as it was first written: every token of every block, nested blocks skipped. */
  private static List<Extent> reference(String source) {
    Blocks of = Blocks.of(PythonTokenizer.tokenize(source));
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
    String text = t.text(i);
    if (Set.of("if", "elif", "for", "while", "except", "and", "or").contains(text)) {
      return !t.isOp(t.skipTriviaBack(i - 1), '.');
    }
    int before = t.skipTriviaBack(i - 1);
    return text.equals("case")
        && (before < 0
            || t.isKind(before, TokenKind.NEWLINE)
            || t.isKind(before, TokenKind.INDENT)
            || t.isKind(before, TokenKind.DEDENT));
  }
}
