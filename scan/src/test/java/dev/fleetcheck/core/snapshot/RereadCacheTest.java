package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RereadCacheTest {

  private static final byte[] TEN_BYTES = new byte[10];

  @Test
  void keepsAFileFromItsSecondReadOn() {
    RereadCache cache = new RereadCache(100, 0);

    assertThat(cache.offer("a.toml", TEN_BYTES, false)).isFalse();
    assertThat(cache.get("a.toml")).isNull();
    assertThat(cache.offer("a.toml", TEN_BYTES, false)).isTrue();
    assertThat(cache.get("a.toml")).isSameAs(TEN_BYTES);
    assertThat(cache.usedBytes()).isEqualTo(10);
  }

  @Test
  void keepsAFileKnownToBeReadAgainFromItsFirstRead() {
    RereadCache cache = new RereadCache(100, 0);

    assertThat(cache.offer("app.py", TEN_BYTES, true)).isTrue();
    assertThat(cache.get("app.py")).isSameAs(TEN_BYTES);
  }

  @Test
  void keepsNothingPastTheBudgetAndEvictsNothing() {
    RereadCache cache = new RereadCache(25, 0);

    assertThat(cache.offer("a.py", TEN_BYTES, true)).isTrue();
    assertThat(cache.offer("b.py", TEN_BYTES, true)).isTrue();
    assertThat(cache.offer("c.py", TEN_BYTES, true)).isFalse();
    assertThat(cache.offer("c.py", TEN_BYTES, true)).isFalse();

    assertThat(cache.get("a.py")).isNotNull();
    assertThat(cache.get("b.py")).isNotNull();
    assertThat(cache.get("c.py")).isNull();
    assertThat(cache.usedBytes()).isEqualTo(20);
  }

  @Test
  void aFileIsKeptOnce() {
    RereadCache cache = new RereadCache(100, 0);
    cache.offer("a.py", TEN_BYTES, true);

    assertThat(cache.offer("a.py", new byte[10], true)).isFalse();
    assertThat(cache.get("a.py")).isSameAs(TEN_BYTES);
    assertThat(cache.usedBytes()).isEqualTo(10);
  }

  @Test
  void keepsTextAloneWithinItsOwnBudget() {
    RereadCache cache = new RereadCache(10, 8);

    cache.keepText("docs/a.md", "12345");
    cache.keepText("docs/b.md", "1234");
    cache.keepText("docs/c.md", "123");

    assertThat(cache.text("docs/a.md")).isEqualTo("12345");
    assertThat(cache.text("docs/b.md")).isNull();
    assertThat(cache.text("docs/c.md")).isEqualTo("123");
    assertThat(cache.get("docs/a.md")).isNull();
    assertThat(cache.offer("app.py", TEN_BYTES, true)).isTrue();
    assertThat(cache.usedBytes()).isEqualTo(10);
  }
}
