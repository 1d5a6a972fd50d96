package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants on any input: the tokenizer never throws, tokens come in source order without
 * overlapping, each token's text is the source at its offsets, its line and column point at it, and
 * whatever lies between tokens is whitespace or a backslash continuation.
 */
class PythonTokenizerPropertiesTest {

  @Property(tries = 400)
  void arbitraryTextTokenizesConsistently(@ForAll String source) {
    assertConsistent(source);
  }

  @Property(tries = 600)
  void pythonLikeTextTokenizesConsistently(@ForAll("pythonLike") String source) {
    assertConsistent(source);
  }

  @Property(tries = 300)
  void arbitraryBytesDecodeAndTokenize(@ForAll byte[] bytes) {
    String source = PythonSource.decode(bytes);

    assertConsistent(source);
  }

  @Property(tries = 300)
  void theAnalyzerAcceptsAnyTokenStream(@ForAll("pythonLike") String source) {
    PythonModule module = ModuleAnalyzer.analyze("x.py", false, source);

    assertThat(module.calls()).allSatisfy(call -> assertThat(call.line()).isPositive());
  }

  @Property(tries = 600)
  void codeLinesCountTheLinesEndedByLineFeedsThatHoldMoreThanWhitespace(
      @ForAll("pythonLike") String source) {
    PythonModule module = ModuleAnalyzer.analyze("x.py", false, source);

    assertThat(module.codeLines()).isEqualTo(linesWithContent(source));
  }

  /** The count as a character-by-character pass makes it: only LF ends a line. */
  private static int linesWithContent(String source) {
    int lines = 0;
    boolean content = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        lines += content ? 1 : 0;
        content = false;
      } else if (!Character.isWhitespace(c)) {
        content = true;
      }
    }
    return lines + (content ? 1 : 0);
  }

  @Provide
  Arbitrary<String> pythonLike() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "def ",
            "class ",
            "f(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ":",
            ",",
            ".",
            "=",
            "**",
            "*",
            "requests",
            ".get",
            "x",
            "'",
            "\"",
            "'''",
            "\"\"\"",
            "f'",
            "f\"",
            "rb'",
            "{x}",
            "{{",
            "}}",
            "!r",
            "#",
            "\\",
            "\n",
            "\r\n",
            "\r",
            "    ",
            "\t",
            " ",
            "1",
            "0x1F",
            "1.5e3",
            "é",
            "\uD83D\uDE00",
            "$",
            "as ",
            "import ",
            "from ",
            "with ",
            "@",
            "->",
            "\f",
            "\0",
            "\\N{",
            "timeout=None");
    return pieces.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  private static void assertConsistent(String source) {
    Tokens tokens = PythonTokenizer.tokenize(source);
    int[] lineStarts = lineStarts(source);
    int previousEnd = 0;
    int depthBalance = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.start(i);
      int end = tokens.end(i);
      assertThat(start)
          .as("token %d starts after the previous one", i)
          .isGreaterThanOrEqualTo(previousEnd);
      assertThat(end).isGreaterThanOrEqualTo(start).isLessThanOrEqualTo(source.length());
      assertThat(isGap(source, previousEnd, start))
          .as("only whitespace between tokens at %d..%d of %s", previousEnd, start, source)
          .isTrue();
      assertThat(tokens.text(i)).isEqualTo(source.substring(start, end));
      int line = lineOf(lineStarts, start);
      assertThat(tokens.line(i)).as("line of token %d", i).isEqualTo(line);
      assertThat(tokens.column(i))
          .as("column of token %d", i)
          .isEqualTo(start - lineStarts[line - 1]);
      assertThat(tokens.depth(i)).isNotNegative();
      switch (tokens.kind(i)) {
        case INDENT -> depthBalance++;
        case DEDENT -> depthBalance--;
        default -> {}
      }
      assertThat(depthBalance).isNotNegative();
      previousEnd = end;
    }
    assertThat(isGap(source, previousEnd, source.length())).isTrue();
    assertThat(depthBalance).isZero();
    assertThat(tokens.kind(tokens.size() - 1)).isEqualTo(TokenKind.ENDMARKER);
  }

  /** Whitespace and backslash-newline continuations are the only text tokens may skip. */
  private static boolean isGap(String source, int from, int to) {
    int p = from;
    while (p < to) {
      char c = source.charAt(p);
      if (c == ' ' || c == '\t' || c == '\f') {
        p++;
      } else if (c == '\\'
          && p + 1 < to
          && (source.charAt(p + 1) == '\n' || source.charAt(p + 1) == '\r')) {
        p += source.startsWith("\r\n", p + 1) && p + 2 < to ? 3 : 2;
      } else {
        return false;
      }
    }
    return true;
  }

  private static int[] lineStarts(String source) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int p = 0; p < source.length(); p++) {
      char c = source.charAt(p);
      if (c == '\n') {
        starts.add(p + 1);
      } else if (c == '\r') {
        if (p + 1 < source.length() && source.charAt(p + 1) == '\n') {
          p++;
        }
        starts.add(p + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** 1-based line of the offset. */
  private static int lineOf(int[] lineStarts, int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }
}
