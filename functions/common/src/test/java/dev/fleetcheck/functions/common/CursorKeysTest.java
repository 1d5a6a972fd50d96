package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class CursorKeysTest {

  private static final Supplier<SecretsManagerClient> NO_SECRETS =
      () -> {
        throw new AssertionError("the secret must not be read");
      };

  private static FunctionEnvironment env(Map<String, String> variables) {
    Map<String, String> all = new java.util.HashMap<>(variables);
    all.put("FLEETCHECK_TABLE", "fleetcheck");
    return FunctionEnvironment.of(all);
  }

  @Test
  void theKeyOfTheEnvironmentWinsAndTheSecretIsNotRead() {
    byte[] key = new byte[40];
    key[0] = 7;
    FunctionEnvironment env =
        env(
            Map.of(
                "FLEETCHECK_CURSOR_KEY",
                Base64.getEncoder().encodeToString(key),
                "FLEETCHECK_CURSOR_KEY_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:1:secret:k"));

    assertThat(CursorKeys.resolve(env, NO_SECRETS)).isEqualTo(key);
  }

  @Test
  void withoutKeyOrSecretEachInstanceDrawsItsOwn() {
    FunctionEnvironment env = env(Map.of());

    assertThat(CursorKeys.resolve(env, NO_SECRETS))
        .hasSize(32)
        .isNotEqualTo(CursorKeys.resolve(env, NO_SECRETS));
  }

  @Test
  void aShortOrMalformedKeyIsAConfigurationErrorThatNeverShowsTheValue() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());

    for (String value : new String[] {shortKey, "not base64 at all %%%"}) {
      assertThatThrownBy(() -> CursorKeys.decode(value, "FLEETCHECK_CURSOR_KEY_SECRET_ARN"))
          .isInstanceOf(FleetcheckException.class)
          .satisfies(
              e ->
                  assertThat(((FleetcheckException) e).errorCode())
                      .isEqualTo(ErrorCode.INVALID_CONFIG))
          .hasMessageContaining("FLEETCHECK_CURSOR_KEY_SECRET_ARN")
          .hasMessageNotContaining(value);
    }
  }

  @Test
  void sixtyFourLettersAndDigitsAsTemplateYamlGeneratesThemAreAValidKey() {
    String generated = "aZ09".repeat(16);

    assertThat(CursorKeys.decode(generated, "secret")).hasSize(48);
  }
}
