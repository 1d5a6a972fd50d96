package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AwsSecretAccessKeyDetectorTest {

  private final Random random = new Random(5);

  @Test
  void secretKeyNextToAnAwsKeyNameIsFound() {
    String key = Synthetic.awsSecretAccessKey(random);
    assertThat(kinds("credentials", "[default]\naws_secret_access_key = " + key + "\n"))
        .containsExactly("aws_secret_access_key");
    assertThat(kinds("sts.json", "{\"SecretAccessKey\": \"" + key + "\"}\n"))
        .containsExactly("aws_secret_access_key");
    assertThat(kinds("boto.py", "s3 = boto3.client('s3', aws_secret_access_key='" + key + "')\n"))
        .containsExactly("aws_secret_access_key");
  }

  @Test
  void fortyRandomCharactersWithoutAnAwsNameAreNotAnAwsKey() {
    String value = Synthetic.base64(random, 40);
    assertThat(kinds("a.py", "ETAG = '" + value + "'\n")).isEmpty();
  }

  @Test
  void documentedExampleAndReferencesAreNot() {
    assertThat(
            kinds(
                "credentials",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"))
        .isEmpty();
    assertThat(kinds("ci.yml", "AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n"))
        .isEmpty();
    assertThat(kinds("a.py", "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']\n"))
        .isEmpty();
  }
}
