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
      int statements = 1;
      int complexity = 1;
      int oneLineBody = -1;
      for (int i = block.firstToken(); i <= block.lastToken(); i++) {
        if (t.isTrivia(i)
            || t.isKind(i, TokenKind.NEWLINE)
            || t.isKind(i, TokenKind.INDENT)
            || t.isKind(i, TokenKind.DEDENT)
            || t.isKind(i, TokenKind.ENDMARKER)) {
          continue;
        }
        // A block starts with its body, which may follow its header's colon on the same line.
        if (i == block.firstToken() || startsStatement(t, i)) {
          statements += pylintWeight(t, i);
          oneLineBody = -1;
          if (Set.of("if", "elif", "else", "for", "while", "try", "except", "finally", "with")
                  .contains(t.text(i))
              || Set.of("def", "class", "async", "match").contains(t.text(i))
              || (t.text(i).equals("case") && pylintWeight(t, i) == 0)) {
            for (int j = i + 1; j < t.size() && !t.isKind(j, TokenKind.NEWLINE); j++) {
              if (t.text(j).equals(":") && t.depth(j) == 0) {
                int body = t.skipTrivia(j + 1);
                oneLineBody = t.isKind(body, TokenKind.NEWLINE) ? -1 : body;
                break;
              }
            }
          }
        } else if (i == oneLineBody
            || (t.text(i).equals(";")
                && t.depth(i) == 0
                && !t.isKind(t.skipTrivia(i + 1), TokenKind.NEWLINE))) {
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

  /** Pylint's statement weight of the logical line starting at {@code i}, by its first word. */
  private static int pylintWeight(Tokens t, int i) {
    String text = t.text(i);
    if (text.equals("@") || Set.of("try", "for", "while", "def", "class").contains(text)) {
      return 0;
    }
    if (text.equals("except")) {
      return 2;
    }
    if (text.equals("async")) {
      return t.text(t.skipTrivia(i + 1)).equals("with") ? 1 : 0;
    }
    if (text.equals("case")) {
      String next = t.text(t.skipTrivia(i + 1));
      return Set.of("=", ".", ":", "\n", "").contains(next) ? 1 : 0;
    }
    if (text.equals("else")) {
      for (int j = i - 1; j >= 0; j--) {
        if (t.isKind(j, TokenKind.NAME) && startsStatement(t, j) && t.column(j) <= t.column(i)) {
          if (t.column(j) == t.column(i) && Set.of("for", "while", "async").contains(t.text(j))) {
            return 0;
          }
          return t.column(j) == t.column(i) && !t.text(j).equals("except") && onlyAnIf(t, i)
              ? 0
              : 1;
        }
      }
    }
    return 1;
  }

  /** Whether the lines of the else block at {@code i} are one if, its elifs and its else. */
  private static boolean onlyAnIf(Tokens t, int i) {
    int line = t.line(i);
    int column = -1;
    boolean sawIf = false;
    for (int j = i + 1; j < t.size(); j++) {
      if (!t.isKind(j, TokenKind.NAME) || !startsStatement(t, j) || t.line(j) == line) {
        continue;
      }
      if (column < 0) {
        column = t.column(j);
        if (column <= t.column(i)) {
          return false;
        }
      }
      if (t.column(j) < column) {
        return sawIf;
      }
      if (t.column(j) == column) {
        if (!sawIf) {
          if (!t.text(j).equals("if")) {
            return false;
          }
          sawIf = true;
        } else if (!Set.of("elif", "else").contains(t.text(j))) {
          return false;
        }
      }
    }
    return sawIf;
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
  void countsStatementsAsPylintsTooManyStatementsDoes() {
    String source =
        """
        def simple(x):
            \"\"\"Doc.\"\"\"
            a = 1; b = 2
            return a + b


        def branches(x):
            if x:
                pass
            elif x > 1:
                pass
            else:
                pass
            if x: return 1
            if x:
                pass
            else:
                # an else holding one if is an elif to Python's tree
                if x > 2:
                    pass
                else:
                    pass
            for i in x:
                pass
            else:
                pass
            while x:
                x -= 1


        def guarded():
            try:
                print(1)
            except TypeError:
                print(2)
            except ValueError: print(3)
            else:
                print(4)
            finally:
                print(5)
            with open("f") as f:
                f.read()


        def outer():
            @decorate
            def inner():
                return 1
            class Local:
                attr = 1
                def method(self): return 2
            return inner


        async def coroutine(a):
            async with a:
                pass
            async for x in a:
                pass
            match a:
                case 1:
                    pass
                case _:
                    pass
            case = 1
        """;

    // The values Pylint 3's design checker (too-many-statements) gives for these defs.
    assertThat(Extents.of(Blocks.of(PythonTokenizer.tokenize(source))))
        .filteredOn(extent -> extent.kind() == Blocks.Kind.DEF)
        .extracting(Extent::name, Extent::statements)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("simple", 5),
            org.assertj.core.groups.Tuple.tuple("branches", 18),
            org.assertj.core.groups.Tuple.tuple("guarded", 14),
            org.assertj.core.groups.Tuple.tuple("outer", 5),
            org.assertj.core.groups.Tuple.tuple("inner", 2),
            org.assertj.core.groups.Tuple.tuple("method", 2),
            org.assertj.core.groups.Tuple.tuple("coroutine", 8));
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
