package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretAssignmentDetectorTest {

  private static final String SECRET = "Vq8dK2mZr4Tx9LpB7sWn";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app/settings.py   | DB_PASSWORD = \"Vq8dK2mZr4Tx9LpB7sWn\"",
        "app/settings.py   | api_key: str = 'Vq8dK2mZr4Tx9LpB7sWn'",
        "app/client.py     | connect(host, password=\"Vq8dK2mZr4Tx9LpB7sWn\")",
        "app/client.py     | config[\"client_secret\"] = \"Vq8dK2mZr4Tx9LpB7sWn\"",
        "config/app.yaml   | auth_token: Vq8dK2mZr4Tx9LpB7sWn",
        "config/app.json   | {\"signingKey\": \"Vq8dK2mZr4Tx9LpB7sWn\"}",
        "config/app.ini    | password = Vq8dK2mZr4Tx9LpB7sWn",
        "deploy/prod.env   | SECRET_KEY=Vq8dK2mZr4Tx9LpB7sWn",
        "scripts/run.sh    | export API_TOKEN=\"Vq8dK2mZr4Tx9LpB7sWn\"",
        "Makefile          | TOKEN ?= Vq8dK2mZr4Tx9LpB7sWn",
        "app/http.py       | headers = {\"Authorization\": \"Bearer Vq8dK2mZr4Tx9LpB7sWn\"}"
      })
  void highEntropyLiteralGivenToASecretNameIsFound(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).containsExactly("secret_assignment");
  }

  @Test
  void hexSecretsAreFoundToo() {
    String hex = Synthetic.hex(new Random(2), 64);
    assertThat(kinds("settings.py", "SECRET_KEY = '" + hex + "'\n"))
        .containsExactly("secret_assignment");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.py   | password = get_password()",
        "a.py   | api_key = settings.API_KEY",
        "a.py   | token = os.environ[\"TOKEN\"]",
        "a.py   | password = Vq8dK2mZr4Tx9LpB7sWn",
        "a.py   | if password == \"Vq8dK2mZr4Tx9LpB7sWn\":",
        "a.py   | token_url = \"https://auth.internal/oauth2/token\"",
        "a.py   | password_field = \"password_confirmation\"",
        "a.py   | SECRET_NAME = \"prod/app/db-password\"",
        "a.py   | TOKEN_HEADER = \"X-Auth-Token-2024\"",
        "a.py   | password = \"changeme\"",
        "a.py   | password = \"************\"",
        "a.py   | api_key = \"your-api-key-goes-here\"",
        "a.py   | client_secret = \"<client-secret>\"",
        "a.py   | help = \"Enter your password and press enter\"",
        "a.yaml | password: ${DB_PASSWORD}",
        "a.yaml | token: \"{{ vault_token }}\"",
        "a.yaml | password: !vault",
        "a.yaml | secretKeyRef: Vq8dK2mZr4Tx9LpB7sWn",
        "a.py   | author = \"Vq8dK2mZr4Tx9LpB7sWn\"",
        "a.py   | token = \"ApplicationTokenStorage\"",
        "a.py   | api_key = \"client_secret_2.json\"",
        "a.py   | password = \"hunter2\""
      })
  void referencesPlaceholdersAndNamesAboutSecretsAreNot(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).isEmpty();
  }

  @Test
  void hashesUuidsAndImagesAreNotSecretsEvenUnderTokenishNames() {
    Random random = new Random(9);
    String sha256 = Synthetic.hex(random, 64);
    assertThat(
            kinds(
                "poetry.lock",
                "name = \"tokenizers\"\nfiles = [{file = \"t.tar.gz\", hash = \"sha256:"
                    + sha256
                    + "\"}]\n"))
        .isEmpty();
    assertThat(kinds("a.py", "password_hash = \"" + sha256 + "\"\n")).isEmpty();
    String integrity = "sha512-" + Synthetic.base64(random, 86) + "==";
    assertThat(
            kinds(
                "package-lock.json",
                "\"node_modules/js-tokens\": {\"integrity\": \"" + integrity + "\"}\n"))
        .isEmpty();
    assertThat(kinds("a.py", "api_key = \"" + Synthetic.uuid(random) + "\"\n")).isEmpty();
    String png = "data:image/png;base64,iVBORw0KGgo" + Synthetic.base64(random, 200);
    assertThat(kinds("a.py", "avatar_token = \"" + png + "\"\n")).isEmpty();
  }

  @Test
  void minifiedJavaScriptIsLeftToThePrefixDetectors() {
    StringBuilder js = new StringBuilder();
    Random random = new Random(4);
    while (js.length() < 5000) {
      js.append("a.authToken=\"")
          .append(Synthetic.chars(random, Synthetic.ALNUM, 24))
          .append("\";");
    }
    assertThat(kinds("static/app.js", js + "\n")).isEmpty();
    assertThat(kinds("static/app.min.js", "a.authToken=\"" + SECRET + "\";\n")).isEmpty();
    String key = Synthetic.googleApiKey(random);
    assertThat(kinds("static/app.min.js", js + "k=\"" + key + "\";\n"))
        .containsExactly("google_api_key");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "README.md       | password = request.form['password']",
        "docs/usage.rst  |     password = request.form[\"password\"]",
        "docs/usage.rst  |     api_token = session.get(\"token\")",
        "docs/guide.md   | SECRET_KEY = getpass.getpass()",
        "docs/guide.adoc | token = os.environ['APP_TOKEN']"
      })
  void pythonShownInDocumentsIsNotAConfigurationValue(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "README.md       | DB_PASSWORD=Vq8dK2mZr4Tx9LpB7sWn",
        "README.md       | password: Vq8dK2mZr4Tx9LpB7sWn",
        "docs/usage.rst  |     password = \"Vq8dK2mZr4Tx9LpB7sWn\"",
        "config/app.ini  | password = Vq8dK2mZr4Tx9L(pB7sWn"
      })
  void credentialsInDocumentsAndBareConfigValuesAreStillFound(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).containsExactly("secret_assignment");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.py    | password = \"Password12345\"",
        "a.py    | password = 'welcome12345678'",
        "a.py    | db_password = \"mypassword123456\"",
        "a.yaml  | password: letmein20242024",
        "a.env   | ADMIN_PASSWORD=Letmein2024_2025"
      })
  void aWordFollowedByDigitsIsNotHighEntropy(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.py  | password = \"Wq8dKzmZr4Tx9LpB\"",
        "a.py  | password = \"x7Kq2m9Lp4Zr8Tb3\"",
        "a.env | API_TOKEN=9f2kQ7xLm3Rt8vZp1c"
      })
  void lettersAfterDigitsStayRandomLooking(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).containsExactly("secret_assignment");
  }

  /** ansible's PowerShell module utils and a formatted Python template (yt-dlp, ansible). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Util.psm1 | $process_token = [Ansible.Privilege.PrivilegeUtil]::GetCurrentProcess()",
        "Web.psm1  | $proxy.Credentials = [System.Net.CredentialCache]::DefaultCredentials",
        "run.ps1   | $token = Get-Token -Name Vq8dK2mZr4Tx9LpB7sWn",
        "vars.py   | self._omit_token = '__omit_place_holder__%s' % sha1(seed).hexdigest()",
        "auth.py   | auth = 'st=%d~exp=%d~acl=/*' % (st, exp)",
        "auth.py   | token = 'Vq8dK2mZr4{}Tx9LpB7sWn'.format(suffix)"
      })
  void powerShellExpressionsAndFormattedTemplatesAreNotLiterals(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run.ps1  | $token = \"Vq8dK2mZr4Tx9LpB7sWn\"",
        "run.psm1 | $Password = 'Vq8dK2mZr4Tx9LpB7sWn'",
        "keys.py  | _SECRET = b'Vq8dK2mZr4Tx9LpB7sWn'.decode()",
        "keys.py  | _API_KEY = 'Vq8dK2mZr4Tx9LpB7sWn'  # %s not a format"
      })
  void quotedPowerShellLiteralsAndLiteralsUsedAsIsAreStillFound(String path, String line) {
    assertThat(kinds(path.strip(), line.strip() + "\n")).containsExactly("secret_assignment");
  }
}
