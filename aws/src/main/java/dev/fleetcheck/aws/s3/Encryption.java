package dev.fleetcheck.aws.s3;

import java.util.Objects;

/** How S3 encrypts reports at rest: S3-managed keys, or a KMS key the bucket policy names. */
public sealed interface Encryption {

  record Aes256() implements Encryption {}

  record Kms(String keyId) implements Encryption {

    public Kms {
      Objects.requireNonNull(keyId, "keyId");
    }
  }

  /** {@code aws:kms:<key id>} for a KMS key, anything else (or empty) for AES256. */
  static Encryption parse(String setting) {
    String prefix = "aws:kms:";
    return setting != null && setting.startsWith(prefix) && setting.length() > prefix.length()
        ? new Kms(setting.substring(prefix.length()))
        : new Aes256();
  }
}
