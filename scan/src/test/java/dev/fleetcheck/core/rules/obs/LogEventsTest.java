package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogEventsTest {

  /** The definition the hand-written check replaces. */
  private static final Pattern EVENT_LIKE = Pattern.compile("[A-Za-z_]+(\\.[A-Za-z_]+)+");

  @Test
  void eventLikeAcceptsDottedWordsOnly() {
    assertThat(LogEvents.eventLike("request.end")).isTrue();
    assertThat(LogEvents.eventLike("a._b.C_d")).isTrue();
    assertThat(LogEvents.eventLike("request")).isFalse();
    assertThat(LogEvents.eventLike("")).isFalse();
    assertThat(LogEvents.eventLike(".request.end")).isFalse();
    assertThat(LogEvents.eventLike("request.end.")).isFalse();
    assertThat(LogEvents.eventLike("request..end")).isFalse();
    assertThat(LogEvents.eventLike("request.end2")).isFalse();
    assertThat(LogEvents.eventLike("request end.x")).isFalse();
    assertThat(LogEvents.eventLike("caf\u00e9.end")).isFalse();
  }

  @Test
  void eventLikeAgreesWithTheExpressionItReplaces() {
    List<String> samples =
        List.of(
            "request.end",
            "security.audit",
            "x.y",
            "x.",
            ".",
            "..",
            "a.b.c.d",
            "a-b.c",
            "a.b\n",
            "A_.B_",
            "a".repeat(40) + "." + "b".repeat(38),
            "a".repeat(40) + "." + "b".repeat(39),
            "a".repeat(40) + "." + "b".repeat(40),
            "dependency.call ",
            "\u0130.x");
    for (String sample : samples) {
      boolean expected = sample.length() < 80 && EVENT_LIKE.matcher(sample).matches();
      assertThat(LogEvents.eventLike(sample)).as(sample).isEqualTo(expected);
    }
  }
}
