package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.rules.style.OversizedDefinitions;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeRulesTest {

  @TempDir Path dir;

  /** A def with {@code n} simple statements after its header. */
  private static String def(String name, int n) {
    return "def " + name + "(x):\n" + "    x += 1\n".repeat(n);
  }

  /** A def with {@code n} decision points. */
  private static String branchy(String name, int n) {
    return "def "
        + name
        + "(x):\n"
        + "    if x and x > 1:\n        pass\n".repeat(n / 2)
        + "    return [y for y in x]\n".repeat(n % 2);
  }

  @Test
  void oversizedFunctionsClassesModulesAndComplexFunctionsFail() {
    StringBuilder big = new StringBuilder();
    big.append(def("long", 51)).append('\n');
    big.append(branchy("complex", 15)).append('\n');
    big.append("class Huge:\n");
    big.append("    def method(self):\n").append("        self.x = 1\n".repeat(502));
    big.append(def("outer", 2)).append("    def inner():\n        return 1\n");
    for (int i = 0; i < 38; i++) {
      big.append("def f").append(i).append("(): pass\n");
    }
    String source = big.toString();
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/big.py", source)
            .file("pkg/lines.py", "x = 1\n\n".repeat(1001))
            .build();

    assertThat(findings(check(new LongFunctions(), repo)))
        .containsExactly(
            "pkg/big.py:1: long has 51 statements (over 50)",
            "pkg/big.py:72: method has 502 statements (over 50)");
    assertThat(findings(check(new ComplexFunctions(), repo)))
        .containsExactly("pkg/big.py:54: complex has complexity 16 (over 15)");
    assertThat(findings(check(new OversizedDefinitions(), repo)))
        .containsExactly(
            "pkg/big.py:71: Huge spans 504 lines (over 500)",
            "pkg/big.py:72: method spans 503 lines (over 100)");
    assertThat(findings(check(new LargeModules(), repo)))
        .containsExactly(
            "pkg/big.py: 42 top-level definitions (over 40)",
            "pkg/lines.py: 1001 non-blank lines (over 1000)");
  }

  @Test
  void definitionsAtTheLimitsAndTestCodeStayManual() {
    String source =
        def("fifty", 49)
            + branchy("fifteen", 14)
            + "def nested(x):\n"
            + "    def a():\n"
            + "        y = 1 if x else 2\n".repeat(14)
            + "    z = 1 if x else 2\n".repeat(14)
            + "    return 'if and or for while'  # if and or\n";
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/ok.py", source)
            .file("pkg/lines.py", "x = 1\n\n".repeat(1000))
            .file("tests/test_big.py", def("huge", 200))
            .build();

    assertNoEvidentViolation(check(new LongFunctions(), repo));
    assertNoEvidentViolation(check(new ComplexFunctions(), repo));
    assertNoEvidentViolation(check(new OversizedDefinitions(), repo));
    assertNoEvidentViolation(check(new LargeModules(), repo));
  }
}
