package dev.fleetcheck.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import org.junit.jupiter.api.Test;

class FindingFingerprintTest {

  @Test
  void ignoresTheLineAndNumbersAndWhitespaceInTheMessage() {
    String a = FindingFingerprint.of("PY-X-001", Evidence.at("src/app.py", 10, "42 long lines"));
    String b =
        FindingFingerprint.of("PY-X-001", Evidence.at("src/app.py", 99, " 7   long\tlines "));

    assertThat(a).isEqualTo(b);
  }

  @Test
  void differsByRulePathAndWords() {
    Evidence evidence = Evidence.at("src/app.py", 1, "tab indentation");

    assertThat(FindingFingerprint.of("PY-X-001", evidence))
        .isNotEqualTo(FindingFingerprint.of("PY-X-002", evidence))
        .isNotEqualTo(
            FindingFingerprint.of("PY-X-001", Evidence.at("src/other.py", 1, "tab indentation")))
        .isNotEqualTo(
            FindingFingerprint.of("PY-X-001", Evidence.at("src/app.py", 1, "space indentation")));
  }

  @Test
  void fieldsCannotBleedIntoEachOther() {
    assertThat(FindingFingerprint.of("PY-X-001", Evidence.file("ab", "c")))
        .isNotEqualTo(FindingFingerprint.of("PY-X-001", Evidence.file("a", "bc")));
  }

  @Test
  void normalisesDigitRunsAndWhitespaceRuns() {
    assertThat(FindingFingerprint.normalise("  line 120:\t 3 tabs\n")).isEqualTo("line #: # tabs");
  }
}
