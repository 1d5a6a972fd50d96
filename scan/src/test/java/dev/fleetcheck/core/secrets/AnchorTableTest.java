package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The one-pass anchor search answers what {@code indexOf} on the text (and on its lower-case copy)
 * answers, for every anchor of the standard detectors, from any offset, on text full of near
 * misses, overlaps, other letter cases and characters past Latin-1.
 */
class AnchorTableTest {

  private static final List<SecretDetector> DETECTORS = SecretScanner.standard().detectors();
  private static final AnchorTable TABLE = AnchorTable.of(DETECTORS);

  @Property(tries = 1500)
  void findsWhatIndexOfFinds(@ForAll("text") String text, @ForAll @IntRange(max = 40) int from) {
    ScanText scan = new ScanText("f.txt", text, TABLE);
    for (SecretDetector detector : DETECTORS) {
      for (String anchor : detector.anchors()) {
        // From the given offset, then from just past each occurrence, as the detectors search.
        int at = from;
        int expected;
        do {
          expected = text.indexOf(anchor, at);
          assertThat(scan.find(anchor, at)).as(anchor).isEqualTo(expected);
          at = expected + 1;
        } while (expected >= 0);
      }
      for (String anchor : detector.foldedAnchors()) {
        assertThat(scan.findFolded(anchor, from))
            .as(anchor)
            .isEqualTo(scan.lower().indexOf(anchor, from));
      }
    }
  }

  @Test
  void theStandardDetectorsDeclareTheirAnchors() {
    ScanText scan = new ScanText("f.txt", "x = 'ghp_' + SECRET_Token", TABLE);

    assertThat(TABLE.exactId("ghp_")).isNotNegative();
    assertThat(TABLE.foldedId("token")).isNotNegative();
    assertThat(scan.find("ghp_", 0)).isEqualTo(5);
    assertThat(scan.findFolded("secret", 0)).isEqualTo(13);
    assertThat(scan.findFolded("token", 14)).isEqualTo(20);
    // Not an anchor of the table: answered by indexOf.
    assertThat(scan.find("SECRET", 0)).isEqualTo(13);
  }

  @Test
  void anchorsTheTableCannotHoldAreRefused() {
    assertThatThrownBy(() -> new AnchorTable(List.of("x"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnchorTable(List.of(), List.of("Token")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnchorTable(List.of("a?b"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(
            "ghp_",
            "gh",
            "github_pat_",
            "AKIA",
            "AKI",
            "ASIA",
            "AIza",
            "xoxb-",
            "xox",
            "sk_live_",
            "rk_live_",
            "glpat-",
            "PRIVATE KEY",
            "PRIVATE",
            "hooks.slack.com/",
            "://",
            ":/",
            "pass",
            "PASS",
            "Pwd",
            "secret",
            "SeCrEt",
            "token",
            "key",
            "KEY",
            "credential",
            "auth",
            "a",
            "?",
            "\n",
            "\u00e9",
            "\u20ac",
            "\ud83d\ude00")
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }
}
