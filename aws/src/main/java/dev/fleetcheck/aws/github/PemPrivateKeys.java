package dev.fleetcheck.aws.github;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an RSA private key from PEM with the JDK alone: PKCS#8 ({@code BEGIN PRIVATE KEY}) as is,
 * and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what GitHub hands out for an app) wrapped into PKCS#8
 * first.
 */
final class PemPrivateKeys {

  private static final String PKCS1 = "RSA PRIVATE KEY";
  private static final String PKCS8 = "PRIVATE KEY";

  /** AlgorithmIdentifier { rsaEncryption, NULL } in DER. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemPrivateKeys() {}

  static PrivateKey read(String pem) {
    try {
      byte[] der;
      if (pem.contains("BEGIN " + PKCS1)) {
        der = pkcs8(body(pem, PKCS1));
      } else if (pem.contains("BEGIN " + PKCS8)) {
        der = body(pem, PKCS8);
      } else {
        throw invalid();
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static byte[] body(String pem, String label) {
    int start = pem.indexOf("-----BEGIN " + label + "-----");
    int end = pem.indexOf("-----END " + label + "-----");
    if (start < 0 || end < start) {
      throw invalid();
    }
    String base64 = pem.substring(start + label.length() + 16, end).replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING pkcs1 }. */
  private static byte[] pkcs8(byte[] pkcs1) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(RSA_ALGORITHM);
    inner.write(0x04);
    inner.writeBytes(length(pkcs1.length));
    inner.writeBytes(pkcs1);
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    outer.write(0x30);
    outer.writeBytes(length(inner.size()));
    outer.writeBytes(inner.toByteArray());
    return outer.toByteArray();
  }

  private static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }

  private static FleetcheckException invalid() {
    return new FleetcheckException(
        ErrorCode.TOKEN_MISSING, "the GitHub App private key is not an RSA key in PEM form");
  }
}
