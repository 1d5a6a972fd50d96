package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPoolTest {

  @Test
  void aRepeatedTextIsOneInstanceWhetherGivenWholeOrAsARange() {
    TextPool pool = new TextPool(64);
    String first = pool.of("self.url = url", 0, 4);
    assertThat(first).isEqualTo("self");
    assertThat(pool.of("x = self", 4, 8)).isSameAs(first);
    assertThat(pool.of(new String("self"))).isSameAs(first);
    assertThat(pool.of("url")).isEqualTo("url").isNotSameAs(first);
  }

  @Test
  void longTextsAndNullAreNotPooled() {
    TextPool pool = new TextPool(4);
    String source = "abcdefgh abcdefgh";
    String a = pool.of(source, 0, 8);
    assertThat(a).isEqualTo("abcdefgh");
    assertThat(pool.of(source, 9, 17)).isEqualTo("abcdefgh").isNotSameAs(a);
    assertThat(pool.of(null)).isNull();
  }

  @Test
  void keepsEveryTextAsItGrows() {
    TextPool pool = new TextPool(64);
    String[] first = new String[5000];
    for (int i = 0; i < first.length; i++) {
      first[i] = pool.of("name_" + i);
    }
    for (int i = 0; i < first.length; i++) {
      String again = "x name_" + i;
      assertThat(pool.of(again, 2, again.length())).isSameAs(first[i]);
    }
  }
}
