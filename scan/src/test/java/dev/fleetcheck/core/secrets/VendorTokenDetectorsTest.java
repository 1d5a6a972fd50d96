package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefix-anchored detectors: AWS key IDs, GitHub, GitLab, Slack, Stripe, Google. */
class VendorTokenDetectorsTest {

  private final Random random = new Random(11);

  @Test
  void awsAccessKeyIdIsFoundInCodeAndConfig() {
    String key = Synthetic.awsAccessKeyId(random);
    assertThat(kinds("app.py", "AWS_ACCESS_KEY_ID = '" + key + "'\n"))
        .containsExactly("aws_access_key_id");
    assertThat(kinds("credentials", "[default]\naws_access_key_id=" + key + "\n"))
        .containsExactly("aws_access_key_id");
  }

  @Test
  void awsDocumentedExampleKeyAndLookAlikesAreNotFindings() {
    assertThat(kinds("README.md", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n")).isEmpty();
    assertThat(kinds("a.py", "KEY = 'AKIAXXXXXXXXXXXXXXXX'\n")).isEmpty();
    assertThat(kinds("a.txt", "REGION = 'ASIA_PACIFIC_SOUTHEAST'\n")).isEmpty();
    String glued = "AKIA" + Synthetic.chars(random, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16) + "Q9";
    assertThat(kinds("blob.txt", "data = " + glued + "\n")).isEmpty();
    assertThat(kinds("blob.txt", "data = x" + Synthetic.awsAccessKeyId(random) + "\n")).isEmpty();
  }

  @Test
  void githubTokensOfEveryPrefixAreFound() {
    for (int i = 0; i < 10; i++) {
      String token = Synthetic.githubToken(random);
      assertThat(kinds("ci.sh", "export GITHUB_TOKEN=" + token + "\n"))
          .as(token.substring(0, 4))
          .containsExactly("github_token");
    }
    String fineGrained = Synthetic.githubFineGrainedToken(random);
    assertThat(kinds("a.json", "{\"token\": \"" + fineGrained + "\"}\n"))
        .containsExactly("github_token");
  }

  @Test
  void githubPlaceholdersAndShortStringsAreNot() {
    assertThat(kinds("a.py", "TOKEN = 'ghp_" + "x".repeat(36) + "'\n")).isEmpty();
    assertThat(kinds("a.py", "PREFIX = 'ghp_'\nSHORT = 'ghp_abc123'\n")).isEmpty();
    assertThat(kinds("a.md", "GITHUB_TOKEN=github_pat_<your-token>\n")).isEmpty();
  }

  @Test
  void gitlabTokenIsFoundButNotItsPlaceholder() {
    String token = Synthetic.gitlabToken(random);
    assertThat(kinds(".env", "GITLAB_TOKEN=" + token + "\n")).containsExactly("gitlab_token");
    assertThat(kinds(".env", "GITLAB_TOKEN=glpat-XXXXXXXXXXXXXXXXXXXX\n")).isEmpty();
    assertThat(kinds("a.py", "if t.startswith('glpat-'):\n")).isEmpty();
  }

  @Test
  void slackTokenIsFoundButNotProseThatLooksLikeOne() {
    String token = Synthetic.slackToken(random);
    assertThat(kinds("bot.yaml", "slack:\n  token: " + token + "\n"))
        .containsExactly("slack_token");
    assertThat(kinds("bot.yaml", "token: xoxb-not-a-real-token\n")).isEmpty();
    assertThat(kinds("bot.yaml", "token: xoxb-your-bot-token\n")).isEmpty();
  }

  @Test
  void stripeLiveKeysAreFoundButTestAndPublishableKeysAreNot() {
    String live = Synthetic.stripeLiveKey(random);
    assertThat(kinds("pay.py", "stripe.api_key = \"" + live + "\"\n"))
        .containsExactly("stripe_live_key");
    String body = Synthetic.chars(random, Synthetic.ALNUM, 24);
    assertThat(kinds("pay.py", "TEST_KEY = \"sk_test_" + body + "\"\n")).isEmpty();
    assertThat(kinds("pay.js", "const pk = \"pk_live_" + body + "\";\n")).isEmpty();
  }

  @Test
  void googleApiKeyIsFoundOnlyAtItsExactLength() {
    String key = Synthetic.googleApiKey(random);
    assertThat(kinds("maps.js", "const key = '" + key + "';\n")).containsExactly("google_api_key");
    assertThat(kinds("maps.js", "const key = '" + key.substring(0, 30) + "';\n")).isEmpty();
    assertThat(kinds("maps.js", "const key = 'AIzaSyEXAMPLEexample0123456789abcdefg';\n"))
        .isEmpty();
  }
}
