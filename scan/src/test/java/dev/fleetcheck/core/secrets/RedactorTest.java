package dev.fleetcheck.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private static final Random RANDOM = new Random(7);
  private static final String TOKEN = Synthetic.githubToken(RANDOM);
  private static final String PLAIN = "Falcon" + "4821x" + "3";

  private final Redactor redactor = Redactor.standard();

  private String redact(String text) {
    return redactor.redact(text);
  }

  private static String marker(String kind, String value) {
    return "[redacted " + kind + " " + Fingerprint.of(value) + "]";
  }

  @Test
  void aTokenWithAKnownPrefixShowsKindAndTheFingerprintPySec041Reports() {
    String command = "GH_TOKEN=" + TOKEN + " ruff check .";
    String fingerprint =
        SecretScanner.standard().scan(".env", "GH_TOKEN=" + TOKEN).get(0).fingerprint();
    assertThat(redact(command))
        .isEqualTo("GH_TOKEN=" + marker("github_token", TOKEN) + " ruff check .")
        .contains(fingerprint);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DB_PASSWORD=%s pytest",
        "export PGPASSWORD=%s",
        "pytest --password %s -q",
        "pytest --password=%s -q",
        "twine upload --api-token '%s' dist/*",
        "mysql -p %s -e 'select 1'",
        "POSTGRES_PASSWORD: %s",
        "      - SECRET_KEY=%s",
        "Authorization: Bearer %s",
        "https://ci:%s@db.internal/app",
        "postgres://postgres:%s@localhost:5432/db",
        "curl 'https://hooks.internal/run?job=1&access_token=%s' && make",
        "https://app.internal/cb#state=1&id_token=%s",
        "https://bucket.s3.amazonaws.com/k?X-Amz-Signature=%s&X-Amz-Date=1",
        "pip install git+https://%s@github.com/acme/tool.git",
      })
  void aPlainPasswordInACommandAssignmentOrUrlIsHidden(String shape) {
    String value = shape.contains("git+https") ? "fake" + PLAIN : PLAIN;
    String text = String.format(shape, value);
    String redacted = redact(text);
    assertThat(redacted)
        .doesNotContain(value)
        .contains("[redacted ", Fingerprint.of(value) + "]")
        .isEqualTo(redact(redacted));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ruff check . && pytest -q",
        "pytest -p no:cacheprovider -p xdist",
        "docker run -p 8080:80 app",
        "GH_TOKEN: ${{ secrets.GH_TOKEN }}",
        "DB_PASSWORD=$DB_PASSWORD pytest",
        "twine upload --password \"${PYPI_PASSWORD}\" dist/*",
        "echo $TOKEN | docker login --password-stdin ghcr.io",
        "git clone ssh://git@github.com/acme/app.git",
        "https://github.com/acme/app/blob/main/README.md?plain=1#L10",
        "github_token: fingerprint ghp_…#1a2b3c4d",
        "no `dev` target in Makefile (names must match exactly)",
        "option --token has no envvar",
      })
  void commandsWithoutACredentialAreLeftAlone(String text) {
    assertThat(redact(text)).isSameAs(text);
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    String once = redact("A=1 API_KEY=" + PLAIN + " TOKEN=" + TOKEN + " https://u:" + PLAIN + "@h");
    assertThat(once).doesNotContain(PLAIN).doesNotContain(TOKEN.substring(4));
    assertThat(redact(once)).isEqualTo(once);
  }
}
