package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The pre-filter search answers as searching the lower-cased text does. */
class AsciiTextTest {

  @Property(tries = 1000)
  void containsIgnoreCaseAnswersAsLowerCasing(
      @ForAll("texts") String text, @ForAll("needles") String needle) {
    assertThat(AsciiText.containsIgnoreCase(text, needle))
        .isEqualTo(text.toLowerCase(Locale.ROOT).contains(needle));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(
            "x", "X", "-", "_", "http", "HTTP", "Remote", "REMOTE", "remot", "e", "\u0130",
            "\u212A", "\u017F", "\u00D7", " ", "h", "T", "p")
        .list()
        .ofMaxSize(10)
        .map(parts -> String.join("", parts))
        .flatMap(text -> Arbitraries.of(text, text.repeat(40)));
  }

  @Provide
  Arbitrary<String> needles() {
    return Arbitraries.of("x-", "http_x_", "remote", "tenant", "logger", "x", "_");
  }
}
