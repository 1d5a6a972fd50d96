package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.findings;
import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Files that repeat an anchor thousands of times (URLs without user info, "PRIVATE KEY" in prose)
 * are judged near each hit only: a credential after them is still found on its line, and an anchor
 * far from what it needs is not taken for a credential.
 */
class RepetitiveTextTest {

  private static final int REPEATS = 5_000;

  @Test
  void aPasswordUrlAfterThousandsOfPlainUrlsIsFoundOnItsLine() {
    String plain = "see https://docs.example.org/page for details\n".repeat(REPEATS);
    String content = plain + "DATABASE_URL=postgresql://app:Qm7t-Vx2.pL9z@db.internal:5432/app\n";

    assertThat(findings(".env", content))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("url_password");
              assertThat(f.line()).isEqualTo(REPEATS + 1);
            });
  }

  @Test
  void theUserInfoOfALaterUrlIsNotTakenForAnEarlierOne() {
    assertThat(kinds("notes.md", "https://a.example/x https://user:Zr84kQ1vLm0s@git.internal/r\n"))
        .containsExactly("url_password");
    assertThat(kinds("notes.md", "scheme://host/path then text with user:pass@mention\n"))
        .isEmpty();
  }

  @Test
  void aKeyAfterThousandsOfMentionsOfPrivateKeysIsFound() {
    String prose = "Never commit a PRIVATE KEY to the repository.\n".repeat(REPEATS);
    String pem = Synthetic.privateKeyPem(new Random(5));

    assertThat(findings("docs/keys.md", prose + pem))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("private_key");
              assertThat(f.line()).isEqualTo(REPEATS + 1);
            });
  }

  @Test
  void aHeaderTooFarFromPrivateKeyIsNotABlock() {
    String pem = Synthetic.privateKeyPem(new Random(6));
    String header = pem.substring(0, pem.indexOf("PRIVATE KEY"));
    String stretched = pem.replace(header, header + "X".repeat(40) + " ");

    assertThat(kinds("key.pem", stretched)).isEmpty();
  }

  @Test
  void repeatedSlackWebhooksAreEachFound() {
    String line =
        "notify: https://hooks.slack.com/services/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\n";

    assertThat(findings("ci.yaml", line.repeat(2)))
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo("slack_webhook_url"));
  }
}
