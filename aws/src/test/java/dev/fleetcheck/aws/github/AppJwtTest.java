package dev.fleetcheck.aws.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppJwtTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  /** Checks the RS256 signature with the public key and returns the payload. */
  static JsonNode verified(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(TestKeys.PAIR.getPublic());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asText())
        .isEqualTo("RS256");
    return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  @Test
  void signsWithTheAppKeyForNineMinutesFromAMinuteAgo() throws Exception {
    for (String pem : new String[] {TestKeys.pkcs8Pem(), TestKeys.pkcs1Pem()}) {
      JsonNode payload = verified(AppJwt.sign("12345", PemPrivateKeys.read(pem), NOW));

      assertThat(payload.path("iss").asText()).isEqualTo("12345");
      assertThat(payload.path("iat").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
      assertThat(payload.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 540);
    }
  }

  @Test
  void aKeyThatIsNotRsaPemIsTokenMissingWithoutEchoingIt() {
    String broken =
        "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LWJ5dGVz\n-----END RSA PRIVATE KEY-----";

    assertThatThrownBy(() -> PemPrivateKeys.read(broken))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.TOKEN_MISSING);
              assertThat(e.getMessage()).doesNotContain("c2VjcmV0LWJ5dGVz");
            });
  }
}
