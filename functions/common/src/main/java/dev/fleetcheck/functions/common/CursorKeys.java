package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The key that signs page cursors. Every instance of a deployment must hold the same key, or a
 * cursor issued by one API instance is refused by the next: FLEETCHECK_CURSOR_KEY when set (local
 * runs), else the secret FLEETCHECK_CURSOR_KEY_SECRET_ARN names (template.yaml generates it), read
 * once at init. Without either, each instance signs with a random key of its own.
 */
final class CursorKeys {

  private static final int MIN_BYTES = 32;

  private CursorKeys() {}

  static byte[] resolve(FunctionEnvironment env, Supplier<SecretsManagerClient> secrets) {
    if (env.cursorKey().isPresent()) {
      return env.cursorKey().get();
    }
    if (env.cursorKeySecretArn().isPresent()) {
      String arn = env.cursorKeySecretArn().get();
      String value;
      try {
        value = secrets.get().getSecretValue(b -> b.secretId(arn)).secretString();
      } catch (SdkException e) {
        throw new FleetcheckException(
            ErrorCode.INVALID_CONFIG,
            "cannot read the cursor key secret "
                + FunctionEnvironment.CURSOR_KEY_SECRET_ARN
                + " names: "
                + e.getClass().getSimpleName(),
            e);
      }
      return decode(value == null ? "" : value, FunctionEnvironment.CURSOR_KEY_SECRET_ARN);
    }
    byte[] key = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** A key in base64, at least 32 bytes; a bad one is reported by its source, never its value. */
  static byte[] decode(String base64, String source) {
    try {
      byte[] key = Base64.getDecoder().decode(base64.strip());
      if (key.length >= MIN_BYTES) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without the value
    }
    throw new FleetcheckException(
        ErrorCode.INVALID_CONFIG,
        "the cursor key of " + source + " must be at least " + MIN_BYTES + " bytes in base64");
  }
}
