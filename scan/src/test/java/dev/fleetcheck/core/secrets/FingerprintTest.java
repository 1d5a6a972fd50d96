package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

  @Test
  void showsFourCharactersAndEightHexDigitsOfTheHash() {
    String value = "AKIAFAKE0123456789AB";
    assertThat(Fingerprint.of(value)).matches("AKIA…#[0-9a-f]{8}").doesNotContain(value);
  }

  @Test
  void isStablePerValueAndDiffersBetweenValues() {
    assertThat(Fingerprint.of("Vq8dK2mZr4Tx9LpB7sWn"))
        .isEqualTo(Fingerprint.of("Vq8dK2mZr4Tx9LpB7sWn"))
        .isNotEqualTo(Fingerprint.of("Vq8dK2mZr4Tx9LpB7sWm"));
  }

  @Test
  void shortValuesShowOnlyTwoCharacters() {
    assertThat(Fingerprint.of("s3cr3t!")).matches("s3…#[0-9a-f]{8}");
  }
}
