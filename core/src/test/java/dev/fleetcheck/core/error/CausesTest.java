package dev.fleetcheck.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void describesTheCauseByNameAndFirstMessageLine() {
    assertThat(Causes.describe(new IllegalStateException("index locked\nat line 2")))
        .isEqualTo("IllegalStateException: index locked");
  }

  @Test
  void anExceptionWithoutMessageIsDescribedByItsCause() {
    UncheckedIOException wrapped =
        new UncheckedIOException(null, new java.io.IOException("No space left on device"));
    assertThat(Causes.describe(wrapped))
        .isEqualTo("UncheckedIOException <- IOException: No space left on device");
  }

  @Test
  void credentialsNeverSurvive() {
    String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    String described =
        Causes.describe(
            new IllegalArgumentException(
                "clone of https://x-access-token:"
                    + token
                    + "@github.com/acme/app failed; token="
                    + "s3cr3t-value and "
                    + token));
    assertThat(described)
        .doesNotContain(token)
        .doesNotContain("s3cr3t-value")
        .contains("https://***@github.com/acme/app")
        .contains("token=***");
  }

  @Test
  void longMessagesAreBounded() {
    assertThat(Causes.describe(new RuntimeException("x".repeat(5000))).length())
        .isLessThanOrEqualTo(303);
  }
}
