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
            org.assertj.core.groups.Tuple.tuple("inner", 1),
            org.assertj.core.groups.Tuple.tuple("Nested", 0),
            org.assertj.core.groups.Tuple.tuple("deep", 2),
            org.assertj.core.groups.Tuple.tuple("one_liner", 1),
            org.assertj.core.groups.Tuple.tuple("coro", 3));
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
      for (int i = block.firstToken(); i <= block.lastToken(); i++) {
        if (t.isKind(i, TokenKind.NEWLINE) || (t.isOp(i, ';') && t.depth(i) == 0)) {
          statements++;
        }
        if (t.isKind(i, TokenKind.NAME) && decision(t, i)) {
          complexity++;
        }
      }
      for (Blocks.Block inner : blocks) {
        if (inner != block
            && inner.kind() == Blocks.Kind.DEF
            && inner.firstToken() > block.firstToken()
            && inner.firstToken() <= block.lastToken()) {
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

  /** Ruff's C901 decision points, looked up token by token. */
  private static boolean decision(Tokens t, int i) {
    String text = t.text(i);
    boolean statement = startsStatement(t, i);
    if (Set.of("if", "elif", "while", "except").contains(text)) {
      return statement;
    }
    if (text.equals("for")) {
      int before = t.skipTriviaBack(i - 1);
      return statement
          || (before >= 0 && t.text(before).equals("async") && startsStatement(t, before));
    }
    if (text.equals("case")) {
      int next = t.skipTrivia(i + 1);
      boolean irrefutable =
          next < t.size() && t.isName(next) && t.text(t.skipTrivia(next + 1)).equals(":");
      boolean variable = next < t.size() && Set.of("=", ".").contains(t.text(next));
      return statement && !irrefutable && !variable;
    }
    if (text.equals("else") && statement) {
      for (int j = i - 1; j >= 0; j--) {
        if (t.isKind(j, TokenKind.NAME) && startsStatement(t, j) && t.column(j) <= t.column(i)) {
          return t.column(j) == t.column(i) && t.text(j).equals("except");
        }
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

  @Test
  void countsDecisionPointsAsRuffsMcCabeCheckDoes() {
    String source =
        """
        def chain(n):
            if n > 3 and n < 9 or n == 0:
                return "a"
            elif n > 4:
                return "b"
            else:
                return "c"

        def expressions(items):
            picked = [i for i in items if i and not i.hidden]
            return picked if picked else {k: v for k, v in items if v}

        def loops(xs):
            for x in xs:
                pass
            else:
                pass
            while xs:
                xs.pop()

        def guarded():
            try:
                print(1)
            except TypeError:
                print(2)
            except ValueError:
                print(3)
            else:
                print(4)
            finally:
                print(5)

        def nested_functions():
            def a():
                def b():
                    pass
                b()
            a()

        async def coroutine(a, b, c):
            await whatever(a, b, c)
            if await b:
                pass
            async with c:
                pass
            async for x in a:
                pass

        def matching(command):
            match command:
                case "go":
                    pass
                case ["stop", *rest] if rest:
                    pass
                case _:
                    pass
            case = 1
        """;

    assertThat(Extents.of(Blocks.of(PythonTokenizer.tokenize(source))))
        .extracting(Extent::name, Extent::complexity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("chain", 3),
            org.assertj.core.groups.Tuple.tuple("expressions", 1),
            org.assertj.core.groups.Tuple.tuple("loops", 3),
            org.assertj.core.groups.Tuple.tuple("guarded", 4),
            org.assertj.core.groups.Tuple.tuple("nested_functions", 3),
            org.assertj.core.groups.Tuple.tuple("a", 2),
            org.assertj.core.groups.Tuple.tuple("b", 1),
            org.assertj.core.groups.Tuple.tuple("coroutine", 3),
            org.assertj.core.groups.Tuple.tuple("matching", 3));
  }
}
