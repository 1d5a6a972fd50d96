package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's hand-written text matchers answer exactly as the regular expressions they replace,
 * on any text and on text made of the pieces those expressions care about.
 */
class HandWrittenMatchersTest {

  private static final Pattern TOP_LEVEL =
      Pattern.compile("^(async\\s+def\\s+|def\\s+|class\\s+|@)");

  @Property(tries = 500)
  void physicalLinesSplitAsTheRegularExpression(@ForAll("lineBreaky") String text) {
    assertThat(PhysicalLines.split(text)).containsExactly(text.split("\r\n|\r|\n", -1));
  }

  @Property(tries = 300)
  void physicalLinesOfAnyText(@ForAll String text) {
    assertThat(PhysicalLines.split(text)).containsExactly(text.split("\r\n|\r|\n", -1));
  }

  @Property(tries = 800)
  void topLevelAnswersAsTheRegularExpression(@ForAll("headers") String text) {
    assertThat(LayoutAnalyzer.topLevel(text)).isEqualTo(TOP_LEVEL.matcher(text).find());
  }

  @Test
  void topLevelTraps() {
    for (String text :
        new String[] {
          "def f():",
          "def\tf():",
          "define = 1",
          "def",
          "class C:",
          "classy = 2",
          "class",
          "@dec",
          "async def f():",
          "async  \t def g():",
          "async def",
          "asyncdef f():",
          "async deff():",
          " def f():",
          "",
          "async\u000Bdef\fx",
          "def\u00A0f():",
          "async\ndef\nf"
        }) {
      assertThat(LayoutAnalyzer.topLevel(text)).as(text).isEqualTo(TOP_LEVEL.matcher(text).find());
    }
  }

  @Test
  void lineSplitTraps() {
    for (String text :
        new String[] {"", "\n", "\r", "\r\n", "\n\r", "a\r\r\nb", "a\n", "a", "\r\n\r\n", "x\ry"}) {
      assertThat(PhysicalLines.split(text)).as(text).containsExactly(text.split("\r\n|\r|\n", -1));
    }
  }

  @Provide
  Arbitrary<String> lineBreaky() {
    return Arbitraries.of("a", "bc", "\n", "\r", "\r\n", " ", "")
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.of(
            "async", "def", "class", "@", " ", "\t", "\u000B", "\f", "\r", "\n", "\u00A0", "f",
            "():", "x", "de", "as")
        .list()
        .ofMaxSize(6)
        .map(parts -> String.join("", parts));
  }
}
