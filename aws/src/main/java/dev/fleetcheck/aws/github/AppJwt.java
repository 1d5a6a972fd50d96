package dev.fleetcheck.aws.github;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App signs to ask for installation tokens: RS256, issued a minute in
 * the past (GitHub's advice against clock drift) and valid for nine minutes (GitHub allows ten).
 */
final class AppJwt {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

  private AppJwt() {}

  static String sign(String appId, PrivateKey key, Instant now) {
    String payload =
        "{\"iat\":"
            + now.minusSeconds(60).getEpochSecond()
            + ",\"exp\":"
            + now.plusSeconds(540).getEpochSecond()
            + ",\"iss\":\""
            + appId.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}";
    String unsigned = encode(HEADER) + "." + encode(payload);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
      return unsigned + "." + BASE64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new FleetcheckException(
          ErrorCode.TOKEN_MISSING, "the GitHub App private key cannot sign a token");
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
