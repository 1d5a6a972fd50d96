package dev.fleetcheck.aws.github;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** An RSA key pair made for the test run, and its private key in both PEM forms GitHub uses. */
final class TestKeys {

  static final KeyPair PAIR = generate();

  private TestKeys() {}

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs8Pem() {
    return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
  }

  /** The PKCS#1 key inside the PKCS#8 encoding (after its 26-byte header for a 2048-bit key). */
  static String pkcs1Pem() {
    byte[] pkcs8 = PAIR.getPrivate().getEncoded();
    return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
