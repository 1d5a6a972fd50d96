package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlackWebhookDetectorTest {

  @Test
  void webhookUrlIsFound() {
    String url = Synthetic.slackWebhookUrl(new Random(3));
    assertThat(kinds("alerts.py", "WEBHOOK = \"" + url + "\"\n"))
        .containsExactly("slack_webhook_url");
  }

  @Test
  void slackDocumentationExampleAndBareHostAreNot() {
    assertThat(
            kinds(
                "README.md",
                "url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n"))
        .isEmpty();
    assertThat(kinds("README.md", "See https://hooks.slack.com/ for details.\n")).isEmpty();
    assertThat(kinds("a.py", "url = f\"https://hooks.slack.com/services/{team}/{hook}\"\n"))
        .isEmpty();
  }
}
