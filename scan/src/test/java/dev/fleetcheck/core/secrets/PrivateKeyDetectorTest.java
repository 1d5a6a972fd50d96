package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.findings;
import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrivateKeyDetectorTest {

  private final Random random = new Random(17);

  @Test
  void pemFileIsOneFindingOnItsHeaderLine() {
    String pem = Synthetic.privateKeyPem(random);
    assertThat(findings("deploy/key.pem", "# deploy key\n" + pem))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("private_key");
              assertThat(f.line()).isEqualTo(2);
            });
  }

  @Test
  void keyInsideAJsonStringWithEscapedLineBreaksIsFound() {
    String pem = Synthetic.privateKeyPem(random).replace("\n", "\\n");
    assertThat(kinds("sa.json", "{\"private_key\": \"" + pem + "\"}\n"))
        .containsExactly("private_key");
  }

  @Test
  void headerCheckedInCodeShortenedDocsAndPublicMaterialAreNot() {
    String code =
        "def is_key(t):\n    return t.startswith('-----BEGIN RSA PRIVATE KEY-----') and"
            + " t.endswith(\n        '-----END RSA PRIVATE KEY-----')\n";
    assertThat(kinds("check.py", code)).isEmpty();
    assertThat(
            kinds(
                "docs.md",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n"
                    + "-----END PRIVATE KEY-----\n"))
        .isEmpty();
    String body = Synthetic.base64(random, 64);
    assertThat(
            kinds(
                "ca.pem",
                "-----BEGIN CERTIFICATE-----\n"
                    + body
                    + "\n"
                    + body
                    + "\n-----END CERTIFICATE-----\n"))
        .isEmpty();
  }
}
