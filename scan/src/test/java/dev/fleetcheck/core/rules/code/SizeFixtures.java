package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;

/** Fixture repositories for the size and complexity rules (family F24). */
public final class SizeFixtures {

  private SizeFixtures() {}

  /** A def with {@code n} simple statements after its header ({@code n + 1} as Pylint counts). */
  private static String def(String name, int n) {
    return "def " + name + "(x):\n" + "    x += 1\n".repeat(n);
  }

  /**
   * A def with {@code n} decision points (if, elif, for statements), two lines per pair, and
   * boolean operators, conditional expressions and comprehensions that do not count.
   */
  private static String branchy(String name, int n) {
    return "def "
        + name
        + "(x):\n"
        + "    if x and x > 1: y = [z for z in x if z]\n    elif x or 2 if x else 3: pass\n"
            .repeat(n / 2)
        + "    for y in x: pass\n".repeat(n % 2);
  }

  /**
   * pkg/big.py: long (line 1, 51 statements), complex (line 54, complexity 16), class Huge (line
   * 71, 504 lines) with method (line 72, 502 statements, 503 lines), 42 top-level definitions;
   * pkg/lines.py: 1001 non-blank lines.
   */
  public static Path oversized(Path dir) {
    StringBuilder big = new StringBuilder();
    big.append(def("long", 51)).append('\n');
    big.append(branchy("complex", 15)).append('\n');
    big.append("class Huge:\n");
    big.append("    def method(self):\n").append("        self.x = 1\n".repeat(502));
    big.append(def("outer", 2)).append("    def inner():\n        return 1\n");
    for (int i = 0; i < 38; i++) {
      big.append("def f").append(i).append("(): pass\n");
    }
    return FixtureRepo.in(dir)
        .python()
        .file("pkg/big.py", big.toString())
        .file("pkg/lines.py", "x = 1\n\n".repeat(1001))
        .build();
  }

  /**
   * Everything at the limits: a nested def counts with its decision points for the def around it,
   * as Ruff counts it (1 + 7 + 1 + 6 = 15); conditional expressions, boolean operators, keywords in
   * strings and comments do not count; big test code.
   */
  public static Path atTheLimits(Path dir) {
    String source =
        def("fifty", 49)
            + branchy("fifteen", 14)
            + "def nested(x):\n"
            + "    def a():\n"
            + "        if x: pass\n".repeat(6)
            + "        y = 1 if x and x else 2\n".repeat(4)
            + "    if x: pass\n".repeat(7)
            + "    z = 1 if x or x else 2\n".repeat(4)
            + "    return 'if and or for while'  # if and or\n";
    return FixtureRepo.in(dir)
        .python()
        .file("pkg/ok.py", source)
        .file("pkg/lines.py", "x = 1\n\n".repeat(1000))
        .file("tests/test_big.py", def("huge", 200))
        .build();
  }

  /**
   * The same oversized module twice: pkg/own.py (the repository's own: 1001 non-blank lines, a def
   * of 101 lines at line 1) and a copy under pkg/thirdparty/ (a vendored library's).
   */
  public static Path vendored(Path dir) {
    String big = def("long", 100) + "x = 1\n".repeat(900);
    return FixtureRepo.in(dir)
        .python()
        .file("pkg/own.py", big)
        .file("pkg/thirdparty/bottle.py", big)
        .file("pkg/_vendor/six.py", big)
        .build();
  }
}
