package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.findings;
import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

  private final Random random = new Random(23);

  @Test
  void vendorTokenAssignedToASecretNameIsOneFindingOfTheVendorKind() {
    String token = Synthetic.githubToken(random);
    assertThat(kinds("ci.py", "token = \"" + token + "\"\n")).containsExactly("github_token");
  }

  @Test
  void findingsCarryTheirLinesInOrder() {
    String text =
        "import os\n"
            + "KEY_ID = '"
            + Synthetic.awsAccessKeyId(random)
            + "'\n\n"
            + "SLACK = '"
            + Synthetic.slackToken(random)
            + "'\n";
    assertThat(findings("a.py", text))
        .extracting(SecretFinding::line, SecretFinding::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "aws_access_key_id"),
            org.assertj.core.groups.Tuple.tuple(4, "slack_token"));
  }

  @Test
  void sameValueInTwoPlacesSharesItsFingerprint() {
    String key = Synthetic.stripeLiveKey(random);
    assertThat(findings("a.py", "A = '" + key + "'\nB = '" + key + "'\n"))
        .extracting(SecretFinding::fingerprint)
        .hasSize(2)
        .containsOnly(Fingerprint.of(key));
  }

  @Test
  void notebookCellSourceIsScannedThroughItsJsonEscaping() {
    String notebook =
        "{\n \"cells\": [{\n  \"cell_type\": \"code\",\n  \"source\": [\n"
            + "   \"import requests\\n\",\n"
            + "   \"api_key = \\\"Vq8dK2mZr4Tx9LpB7sWn\\\"\\n\"\n"
            + "  ]\n }]\n}\n";
    assertThat(findings("nb/explore.ipynb", notebook))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("secret_assignment");
              assertThat(f.line()).isEqualTo(6);
            });
  }

  @Test
  void kindsAreListedInPriorityOrder() {
    assertThat(SecretScanner.standard().kinds())
        .startsWith("aws_access_key_id")
        .endsWith("secret_assignment")
        .doesNotHaveDuplicates()
        .hasSize(11);
  }

  @Property(tries = 300)
  void arbitraryTextNeverBreaksTheScanner(@ForAll @StringLength(max = 400) String text) {
    String shaped = "password = \"" + text + "\nghp_" + text + "://a:" + text + "@h\n";
    assertThat(SecretScanner.standard().scan("f.py", shaped)).isNotNull();
    assertThat(SecretScanner.standard().scan("f.yaml", text)).isNotNull();
  }
}
