package dev.fleetcheck.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void starStaysInOneSegmentDoubleStarCrosses() {
    assertThat(Glob.of("packages/*").matches("packages/a")).isTrue();
    assertThat(Glob.of("packages/*").matches("packages/a/b")).isFalse();
    assertThat(Glob.of("packages/**").matches("packages/a/b")).isTrue();
    assertThat(Glob.of("**/.env").matches(".env")).isTrue();
    assertThat(Glob.of("./libs/[ab]?/").matches("libs/a1")).isTrue();
    assertThat(Glob.of("libs/[!a]*").matches("libs/api")).isFalse();
    assertThat(Glob.of("a.b").matches("axb")).isFalse();
  }
}
