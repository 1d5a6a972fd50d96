package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Line lookups by the line index agree with a plain scan of the characters around the offset
 * (within the window either way), and the lower-case copy stays aligned with the text.
 */
class ScanTextTest {

  @Property(tries = 300)
  void lineLookupsAgreeWithAScanOfTheCharacters(@ForAll("text") String text) {
    ScanText scan = new ScanText("f.txt", text);
    for (int offset = 0; offset < text.length(); offset++) {
      assertThat(scan.lineStart(offset)).isEqualTo(scannedLineStart(text, offset));
      assertThat(scan.lineEnd(offset)).isEqualTo(scannedLineEnd(text, offset));
      assertThat(scan.lineNumber(offset)).isEqualTo(countedLineNumber(text, offset));
    }
  }

  @Test
  void lineLookupsOnOneHugeLineStayWithinTheWindow() {
    String text = "a".repeat(3 * ScanText.LINE_WINDOW) + "\nb";
    ScanText scan = new ScanText("min.js", text);
    int middle = text.length() / 2;

    assertThat(scan.lineStart(middle)).isEqualTo(middle - ScanText.LINE_WINDOW);
    assertThat(scan.lineEnd(middle)).isEqualTo(middle + ScanText.LINE_WINDOW);
    assertThat(scan.lineNumber(text.length() - 1)).isEqualTo(2);
  }

  @Test
  void theLowerCaseCopyStaysAlignedAfterCharactersBeyondLatin1() {
    String text = "note = \"\uD83D\uDE00 \u20AC\"\nDB_PASSWORD = 'x'\n";
    ScanText scan = new ScanText("settings.py", text);

    int at = scan.lower().indexOf("password");
    assertThat(at).isEqualTo(text.indexOf("PASSWORD"));
    assertThat(scan.lineNumber(at)).isEqualTo(2);
  }

  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of("\n", "\r\n", "x", "Key", " ", "\uD83D\uDE00", "\u00e9"),
            Arbitraries.of("a").map(a -> a.repeat(ScanText.LINE_WINDOW + 7)));
    return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  private static int scannedLineStart(String text, int offset) {
    int floor = Math.max(0, offset - ScanText.LINE_WINDOW);
    for (int i = offset - 1; i >= floor; i--) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return floor;
  }

  private static int scannedLineEnd(String text, int offset) {
    int ceiling = Math.min(text.length(), offset + ScanText.LINE_WINDOW);
    for (int i = offset; i < ceiling; i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return ceiling;
  }

  private static int countedLineNumber(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
