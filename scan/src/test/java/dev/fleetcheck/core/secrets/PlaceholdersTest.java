package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AKIAIOSFODNN7EXAMPLE",
        "my-example-token",
        "sk_live_xxxxxxxxxxxx",
        "XXXX-XXXX",
        "changeme",
        "dummy-password",
        "placeholder",
        "your-token-here",
        "YOUR_API_KEY",
        "<secret>",
        "${SECRET}",
        "{{ secret }}",
        "{password}",
        "%(password)s",
        "$DB_PASSWORD",
        "aaaaaaaaaaaaaaaa",
        "****"
      })
  void standInsAreRecognised(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Vq8dK2mZr4Tx9LpB7sWn", "a$b", "<not closed", "abab"})
  void valuesAreNot(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }
}
