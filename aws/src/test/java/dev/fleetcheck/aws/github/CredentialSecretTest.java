package dev.fleetcheck.aws.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import org.junit.jupiter.api.Test;

class CredentialSecretTest {

  @Test
  void readsATokenBareOrInJson() {
    assertThat(CredentialSecret.parse("ghp_bare\n"))
        .isInstanceOfSatisfying(
            CredentialSecret.Token.class,
            t -> assertThat(t.token().reveal()).isEqualTo("ghp_bare"));
    assertThat(CredentialSecret.parse("{\"token\": \"ghp_json\"}"))
        .isInstanceOfSatisfying(
            CredentialSecret.Token.class,
            t -> assertThat(t.token().reveal()).isEqualTo("ghp_json"));
  }

  @Test
  void readsAnAppWithNumericIdsAndNeverPrintsItsKey() {
    CredentialSecret secret =
        CredentialSecret.parse(
            "{\"app_id\": 77, \"installation_id\": 42, \"private_key\": \"-----BEGIN x\"}");

    assertThat(secret)
        .isEqualTo(new CredentialSecret.App("77", "42", "-----BEGIN x"))
        .asString()
        .doesNotContain("BEGIN");
  }

  @Test
  void incompleteSecretsAreTokenMissingAndNameNoValue() {
    for (String secret :
        new String[] {
          "",
          "{}",
          "{\"app_id\": \"7\", \"private_key\": \"k-e-y\"}",
          "{\"app_id\": \"7\", \"installation_id\": \"../x\", \"private_key\": \"k-e-y\"}",
          "{not json",
          "{\"token\": \"has space\"}"
        }) {
      assertThatThrownBy(() -> CredentialSecret.parse(secret))
          .as(secret)
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.TOKEN_MISSING);
                assertThat(e.getMessage()).doesNotContain("k-e-y").doesNotContain("has space");
              });
    }
  }

  @Test
  void aTokenPrintsAsAMask() {
    assertThat(CredentialSecret.parse("ghp_secret").toString()).doesNotContain("ghp_secret");
  }
}
