package dev.fleetcheck.core.testing;

import dev.fleetcheck.core.secrets.SecretFinding;
import dev.fleetcheck.core.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A labelled corpus for the secret detectors, generated from a seed so every run sees the same
 * files. For each detector: true secrets in the places they turn up (Python, YAML, JSON, {@code
 * .env}, INI, shell {@code export}, notebook cells, URLs in config) and decoys that look like them
 * (placeholders, documented example keys, hashes, UUIDs, base64 images, lockfile integrity hashes,
 * minified JavaScript, words). Each sample is one small file labelled with the kind it must yield,
 * or {@link #NONE}.
 *
 * <p>Generated values are random but marked synthetic where the format allows ({@code fake}, {@code
 * FAKE}, {@code 0TEST}): none is a real credential, and none is written down in the source, so no
 * scanner trips over this file itself.
 */
public final class SecretCorpus {

  public static final String NONE = "none";
  public static final long SEED = 41L;
  private static final int REPEATS = 6;

  public static final String AWS_ACCESS_KEY_ID = "aws_access_key_id";
  public static final String AWS_SECRET_ACCESS_KEY = "aws_secret_access_key";
  public static final String GITHUB_TOKEN = "github_token";
  public static final String GITLAB_TOKEN = "gitlab_token";
  public static final String SLACK_TOKEN = "slack_token";
  public static final String SLACK_WEBHOOK_URL = "slack_webhook_url";
  public static final String STRIPE_LIVE_KEY = "stripe_live_key";
  public static final String GOOGLE_API_KEY = "google_api_key";
  public static final String PRIVATE_KEY = "private_key";
  public static final String URL_PASSWORD = "url_password";
  public static final String SECRET_ASSIGNMENT = "secret_assignment";

  private SecretCorpus() {}

  /**
   * One labelled file. {@code planted} is the raw secret (or decoy) value, kept so tests can prove
   * it never reaches a report; {@link #toString()} leaves it and the content out.
   */
  public record Sample(
      String id, String path, String content, String expectedKind, String planted) {

    public boolean isSecret() {
      return !expectedKind.equals(NONE);
    }

    @Override
    public String toString() {
      return id + " (" + path + ", expects " + expectedKind + ")";
    }
  }

  /** The corpus for the default seed. */
  public static List<Sample> generate() {
    return generate(SEED);
  }

  public static List<Sample> generate(long seed) {
    return new Generator(new Random(seed)).all();
  }

  // ---------------------------------------------------------------- scoring

  /** Counts for one kind: found and expected, found but not expected, expected but not found. */
  public record Tally(int truePositives, int falsePositives, int falseNegatives) {

    static final Tally ZERO = new Tally(0, 0, 0);

    public Tally plus(Tally other) {
      return new Tally(
          truePositives + other.truePositives,
          falsePositives + other.falsePositives,
          falseNegatives + other.falseNegatives);
    }

    /** TP / (TP + FP); 1 when nothing was reported. */
    public double precision() {
      int reported = truePositives + falsePositives;
      return reported == 0 ? 1.0 : (double) truePositives / reported;
    }

    /** TP / (TP + FN); 1 when nothing was expected. */
    public double recall() {
      int expected = truePositives + falseNegatives;
      return expected == 0 ? 1.0 : (double) truePositives / expected;
    }
  }

  /** Per-kind tallies and their sum, plus the samples that were missed or wrongly flagged. */
  public record Score(Map<String, Tally> byKind, Tally overall, List<String> mistakes) {}

  /** Scores the standard scanner over {@code samples}. */
  public static Score score(List<Sample> samples, SecretScanner scanner) {
    return score(samples, (path, content) -> kindsOf(scanner.scan(path, content)));
  }

  /**
   * Scores any scan function ({@code (path, content) -> kinds found}) over {@code samples}: the
   * first finding of the expected kind is a true positive, every other finding a false positive of
   * its kind, and a secret with no finding of its kind a false negative.
   */
  public static Score score(
      List<Sample> samples, BiFunction<String, String, List<String>> kindsFound) {
    Map<String, Tally> byKind = new TreeMap<>();
    List<String> mistakes = new ArrayList<>();
    for (Sample sample : samples) {
      boolean matched = false;
      for (String kind : kindsFound.apply(sample.path(), sample.content())) {
        if (!matched && kind.equals(sample.expectedKind())) {
          matched = true;
          byKind.merge(kind, new Tally(1, 0, 0), Tally::plus);
        } else {
          byKind.merge(kind, new Tally(0, 1, 0), Tally::plus);
          mistakes.add("false " + kind + ": " + sample);
        }
      }
      if (sample.isSecret() && !matched) {
        byKind.merge(sample.expectedKind(), new Tally(0, 0, 1), Tally::plus);
        mistakes.add("missed: " + sample);
      }
    }
    Tally overall = byKind.values().stream().reduce(Tally.ZERO, Tally::plus);
    return new Score(byKind, overall, mistakes);
  }

  private static List<String> kindsOf(List<SecretFinding> findings) {
    return findings.stream().map(SecretFinding::kind).toList();
  }

  // ---------------------------------------------------------------- synthetic values

  /** Random values in each credential's format; synthetic by construction. */
  public static final class Synthetic {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    public static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String BASE64 = ALNUM + "+/";
    private static final String HEX = "0123456789abcdef";

    private Synthetic() {}

    public static String chars(Random random, String alphabet, int length) {
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return out.toString();
    }

    public static String awsAccessKeyId(Random random) {
      return (random.nextBoolean() ? "AKIA" : "ASIA") + "FAKE" + chars(random, UPPER + DIGITS, 12);
    }

    public static String awsSecretAccessKey(Random random) {
      return "FAKE" + chars(random, BASE64, 36);
    }

    public static String githubToken(Random random) {
      String prefix = List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_").get(random.nextInt(5));
      return prefix + "fake" + chars(random, ALNUM, 32);
    }

    public static String githubFineGrainedToken(Random random) {
      return "github_pat_" + "11FAKE" + chars(random, ALNUM, 16) + "_" + chars(random, ALNUM, 59);
    }

    public static String gitlabToken(Random random) {
      return "glpat-" + "fake" + chars(random, ALNUM + "_-", 16);
    }

    public static String slackToken(Random random) {
      String kind = String.valueOf("abprs".charAt(random.nextInt(5)));
      return "xox"
          + kind
          + "-0TEST"
          + chars(random, DIGITS, 7)
          + "-"
          + chars(random, DIGITS, 13)
          + "-"
          + chars(random, ALNUM, 24);
    }

    public static String slackWebhookUrl(Random random) {
      return "https://hooks.slack.com/services/T0TEST"
          + chars(random, UPPER + DIGITS, 5)
          + "/B0TEST"
          + chars(random, UPPER + DIGITS, 5)
          + "/fake"
          + chars(random, ALNUM, 20);
    }

    public static String stripeLiveKey(Random random) {
      return (random.nextBoolean() ? "sk_live_" : "rk_live_") + "fake" + chars(random, ALNUM, 28);
    }

    public static String googleApiKey(Random random) {
      return "AIza" + "FAKE" + chars(random, ALNUM + "_-", 31);
    }

    /** A PEM block whose body is random base64 (no key inside), 64 characters a line. */
    public static String privateKeyPem(Random random) {
      String type = List.of("RSA ", "EC ", "OPENSSH ", "", "ENCRYPTED ").get(random.nextInt(5));
      StringBuilder pem = new StringBuilder("-----BEGIN " + type + "PRIVATE KEY-----\n");
      String body =
          "MIIEfake" + chars(random, BASE64, 64 * 6 - 8) + chars(random, BASE64, 20) + "==";
      for (int i = 0; i < body.length(); i += 64) {
        pem.append(body, i, Math.min(body.length(), i + 64)).append('\n');
      }
      return pem.append("-----END ").append(type).append("PRIVATE KEY-----\n").toString();
    }

    /** A random password with letters, digits and symbols. */
    public static String password(Random random) {
      return chars(random, UPPER, 2)
          + chars(random, LOWER + DIGITS + "!#%^*+=", 12 + random.nextInt(8))
          + chars(random, DIGITS, 2);
    }

    /** A random password that needs no percent-encoding inside a URL. */
    public static String urlPassword(Random random) {
      return chars(random, UPPER, 2)
          + chars(random, LOWER + DIGITS + "-._~!*+=", 12 + random.nextInt(8));
    }

    /** A random API-style secret: base62, base64url or hex. */
    public static String highEntropySecret(Random random) {
      return switch (random.nextInt(3)) {
        case 0 -> chars(random, ALNUM, 24 + random.nextInt(17));
        case 1 -> chars(random, ALNUM + "_-", 32 + random.nextInt(12));
        default -> hex(random, random.nextBoolean() ? 32 : 64);
      };
    }

    public static String hex(Random random, int length) {
      return chars(random, HEX, length);
    }

    public static String base64(Random random, int length) {
      return chars(random, BASE64, length);
    }

    public static String uuid(Random random) {
      String hex = hex(random, 32);
      return hex.substring(0, 8)
          + "-"
          + hex.substring(8, 12)
          + "-4"
          + hex.substring(13, 16)
          + "-a"
          + hex.substring(17, 20)
          + "-"
          + hex.substring(20);
    }
  }

  // ---------------------------------------------------------------- generation

  /** Where a secret turns up; each renders {@code name = value} in its own syntax. */
  private enum Context {
    PYTHON,
    YAML,
    JSON,
    ENV,
    INI,
    SHELL,
    NOTEBOOK,
    URL_IN_CONFIG
  }

  private static final class Generator {

    private static final List<String> WORDS =
        List.of(
            "alpha", "bravo", "cobalt", "delta", "ember", "falcon", "garnet", "harbor", "indigo",
            "juniper", "kestrel", "lantern", "meadow", "nimbus", "orchid", "pepper", "quartz",
            "raven", "saffron", "timber", "umber", "violet", "willow", "yarrow", "zephyr");
    private static final List<String> PYTHON_FILLER =
        List.of(
            "import logging",
            "from pathlib import Path",
            "LOG = logging.getLogger(__name__)",
            "def load(path: Path) -> str:",
            "    return path.read_text(encoding=\"utf-8\")",
            "# keep this module import-light",
            "TIMEOUT_SECONDS = 30",
            "RETRIES = 3");

    private final Random random;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    Generator(Random random) {
      this.random = random;
    }

    List<Sample> all() {
      for (int i = 0; i < REPEATS; i++) {
        secrets();
        decoys();
      }
      return List.copyOf(samples);
    }

    // ---- true secrets

    private void secrets() {
      for (Context context : Context.values()) {
        String awsId = Synthetic.awsAccessKeyId(random);
        assignment(
            AWS_ACCESS_KEY_ID,
            context,
            pick("AWS_ACCESS_KEY_ID", "aws_access_key_id", "accessKeyId"),
            awsId,
            awsId);
        String awsSecret = Synthetic.awsSecretAccessKey(random);
        assignment(
            AWS_SECRET_ACCESS_KEY,
            context,
            pick("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "SecretAccessKey"),
            awsSecret,
            awsSecret);
        String github =
            random.nextInt(4) == 0
                ? Synthetic.githubFineGrainedToken(random)
                : Synthetic.githubToken(random);
        assignment(
            GITHUB_TOKEN,
            context,
            pick("GITHUB_TOKEN", "gh_token", "github.token"),
            github,
            github);
        String gitlab = Synthetic.gitlabToken(random);
        assignment(
            GITLAB_TOKEN,
            context,
            pick("GITLAB_TOKEN", "gitlab_private_token", "ci.token"),
            gitlab,
            gitlab);
        String slack = Synthetic.slackToken(random);
        assignment(
            SLACK_TOKEN, context, pick("SLACK_BOT_TOKEN", "slack_token", "bot"), slack, slack);
        String webhook = Synthetic.slackWebhookUrl(random);
        assignment(
            SLACK_WEBHOOK_URL,
            context,
            pick("SLACK_WEBHOOK_URL", "alerts_webhook", "notify"),
            webhook,
            webhook.substring(webhook.indexOf("/services/") + "/services/".length()));
        String stripe = Synthetic.stripeLiveKey(random);
        assignment(
            STRIPE_LIVE_KEY,
            context,
            pick("STRIPE_API_KEY", "stripe_key", "payments.secret"),
            stripe,
            stripe);
        String google = Synthetic.googleApiKey(random);
        assignment(
            GOOGLE_API_KEY,
            context,
            pick("GOOGLE_API_KEY", "maps_key", "firebaseKey"),
            google,
            google);
        String password = Synthetic.urlPassword(random);
        String user = pick(WORDS);
        String url =
            pick("postgresql", "mysql", "redis", "amqp", "https", "mongodb+srv")
                + "://"
                + user
                + ":"
                + password
                + "@"
                + pick(WORDS)
                + ".internal:"
                + (1000 + random.nextInt(9000))
                + "/"
                + pick(WORDS);
        assignment(
            URL_PASSWORD,
            context,
            pick("DATABASE_URL", "broker_url", "REDIS_URL", "upstream"),
            url,
            password);
        String secret =
            random.nextBoolean() ? Synthetic.highEntropySecret(random) : Synthetic.password(random);
        String name =
            pick(
                "DB_PASSWORD",
                "api_secret",
                "client_secret",
                "auth_token",
                "SECRET_KEY",
                "password",
                "signing_key",
                "api_key",
                "webhookSecret",
                "ADMIN_PASSWD");
        if (context == Context.URL_IN_CONFIG) {
          String param = pick("token", "api_key", "access_token", "secret");
          add(
              SECRET_ASSIGNMENT,
              "config/services_" + next("url") + ".toml",
              "[webhook]\nendpoint = \"https://"
                  + pick(WORDS)
                  + ".internal/notify?"
                  + param
                  + "="
                  + secret
                  + "\"\n",
              secret);
        } else {
          assignment(SECRET_ASSIGNMENT, context, name, secret, secret);
        }
        privateKey(context);
      }
    }

    private void privateKey(Context context) {
      String pem = Synthetic.privateKeyPem(random);
      String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
      String planted = body.replace("\n", "");
      switch (context) {
        case PYTHON ->
            add(
                PRIVATE_KEY,
                "app/keys_" + next("pem-py") + ".py",
                pythonFile("SIGNING_KEY = \"\"\"" + pem + "\"\"\""),
                planted);
        case YAML ->
            add(
                PRIVATE_KEY,
                "deploy/key_" + next("pem-yaml") + ".yaml",
                "tls:\n  key: |\n" + indent(pem, "    "),
                planted);
        case JSON ->
            add(
                PRIVATE_KEY,
                "credentials/service_account_" + next("pem-json") + ".json",
                "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \""
                    + Synthetic.hex(random, 40)
                    + "\",\n  \"private_key\": \""
                    + jsonEscape(pem)
                    + "\"\n}\n",
                planted);
        case ENV ->
            add(
                PRIVATE_KEY,
                "deploy/" + next("pem-env") + ".env",
                "JWT_PRIVATE_KEY=\"" + pem.replace("\n", "\\n") + "\"\n",
                planted);
        case SHELL ->
            add(
                PRIVATE_KEY,
                "scripts/install_key_" + next("pem-sh") + ".sh",
                "#!/bin/sh\ncat > ~/.ssh/id_deploy <<'EOF'\n"
                    + pem
                    + "EOF\nchmod 600 ~/.ssh/id_deploy\n",
                planted);
        case NOTEBOOK ->
            add(
                PRIVATE_KEY,
                "notebooks/sign_" + next("pem-nb") + ".ipynb",
                notebook(("key = \"\"\"" + pem + "\"\"\"\n").split("(?<=\n)")),
                planted);
        default -> add(PRIVATE_KEY, "certs/server_" + next("pem") + ".pem", pem, planted);
      }
    }

    // ---- decoys

    private void decoys() {
      Context context = pick(List.of(Context.values()));
      // documented example keys and placeholders, in every shape
      assignment(
          NONE, context, "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE");
      assignment(
          NONE,
          context,
          "aws_secret_access_key",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
      assignment(
          NONE, pickContext(), "AWS_ACCESS_KEY_ID", "AKIAXXXXXXXXXXXXXXXX", "AKIAXXXXXXXXXXXXXXXX");
      assignment(
          NONE, pickContext(), "GITHUB_TOKEN", "ghp_" + "x".repeat(36), "ghp_" + "x".repeat(36));
      assignment(
          NONE,
          pickContext(),
          "GITHUB_TOKEN",
          "github_pat_<your-token>",
          "github_pat_<your-token>");
      assignment(
          NONE,
          pickContext(),
          "GITLAB_TOKEN",
          "glpat-XXXXXXXXXXXXXXXXXXXX",
          "glpat-XXXXXXXXXXXXXXXXXXXX");
      assignment(
          NONE, pickContext(), "SLACK_BOT_TOKEN", "xoxb-your-bot-token", "xoxb-your-bot-token");
      assignment(
          NONE, pickContext(), "SLACK_BOT_TOKEN", "xoxb-not-a-real-token", "xoxb-not-a-real-token");
      String slackExample =
          "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
      assignment(NONE, pickContext(), "SLACK_WEBHOOK_URL", slackExample, slackExample);
      String stripeTest = "sk_test_" + Synthetic.chars(random, Synthetic.ALNUM, 24);
      assignment(NONE, pickContext(), "STRIPE_KEY", stripeTest, stripeTest);
      String publishable = "pk_live_" + Synthetic.chars(random, Synthetic.ALNUM, 24);
      assignment(NONE, pickContext(), "STRIPE_PUBLISHABLE", publishable, publishable);
      assignment(
          NONE,
          pickContext(),
          "GOOGLE_API_KEY",
          "AIzaSyEXAMPLEexample0123456789abcdefg",
          "AIzaSyEXAMPLEexample0123456789abcdefg");
      String placeholder =
          pick(
              "changeme",
              "your-api-key-here",
              "<password>",
              "${DB_PASSWORD}",
              "{{ vault_token }}",
              "********************",
              "dummy-secret-for-tests",
              "placeholder-token-0001",
              "xxxxxxxxxxxxxxxx");
      assignment(
          NONE,
          pickContext(),
          pick("password", "API_KEY", "client_secret", "auth_token"),
          placeholder,
          placeholder);

      // references to a value kept elsewhere
      add(
          NONE,
          "app/config_" + next("ref") + ".py",
          pythonFile(
              "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]\napi_key = settings.API_KEY\n"
                  + "token = os.getenv(\"TOKEN\", \"\")\nsecret: str = get_secret(\"prod/app\")\n"),
          "");
      String fstring = "f\"postgresql://{user}:{password}@{host}/app\"";
      add(NONE, "app/db_" + next("fstr") + ".py", pythonFile("DSN = " + fstring + "\n"), "");

      // URLs without a real password
      String local =
          pick(
              "postgresql://postgres:postgres@localhost:5432/app",
              "amqp://guest:guest@rabbitmq:5672//",
              "redis://:password@localhost:6379/0",
              "https://user:pass@example.com/private",
              "postgresql://app:${DB_PASSWORD}@db:5432/app",
              "https://<user>:<token>@git.internal/repo.git",
              "http://localhost:8080/health",
              "git@github.com:org/repo.git");
      assignment(NONE, pickContext(), "DATABASE_URL", local, local);

      // PEM look-alikes: header checks in code, shortened docs, public material
      add(
          NONE,
          "app/pem_" + next("pemcode") + ".py",
          pythonFile(
              "def is_private_key(text: str) -> bool:\n"
                  + "    return text.startswith(\"-----BEGIN RSA PRIVATE KEY-----\") and text.rstrip().endswith(\n"
                  + "        \"-----END RSA PRIVATE KEY-----\"\n    )\n"),
          "");
      add(
          NONE,
          "docs/keys_" + next("pemdoc") + ".md",
          "Paste the key:\n\n```\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----\n```\n",
          "");
      String cert =
          "-----BEGIN CERTIFICATE-----\n"
              + Synthetic.base64(random, 64)
              + "\n"
              + Synthetic.base64(random, 64)
              + "\n-----END CERTIFICATE-----\n";
      add(NONE, "certs/ca_" + next("cert") + ".pem", cert, "");
      String publicKey =
          "-----BEGIN PUBLIC KEY-----\n"
              + Synthetic.base64(random, 64)
              + "\n"
              + Synthetic.base64(random, 64)
              + "\n-----END PUBLIC KEY-----\n";
      add(NONE, "certs/jwt_" + next("pub") + ".pub", publicKey, "");

      // hashes: lockfiles, checksums, commit ids
      String sha256 = Synthetic.hex(random, 64);
      add(
          NONE,
          "poetry_" + next("lock") + ".lock",
          "[[package]]\nname = \"tokenizers\"\nversion = \"0.15.2\"\nfiles = [\n    {file = \"tokenizers-0.15.2.tar.gz\", hash = \"sha256:"
              + sha256
              + "\"},\n]\n",
          sha256);
      String integrity = "sha512-" + Synthetic.base64(random, 86) + "==";
      add(
          NONE,
          "web/package-lock_" + next("npm") + ".json",
          "{\n  \"packages\": {\n    \"node_modules/js-tokens\": {\n      \"version\": \"4.0.0\",\n      \"resolved\": \"https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz\",\n      \"integrity\": \""
              + integrity
              + "\"\n    }\n  }\n}\n",
          integrity);
      String pinned = Synthetic.hex(random, 64);
      add(
          NONE,
          "requirements_" + next("req") + ".txt",
          "tokenize-rt==5.2.0 \\\n    --hash=sha256:" + pinned + "\npasslib==1.7.4\n",
          pinned);
      String commit = Synthetic.hex(random, 40);
      assignment(
          NONE,
          pickContext(),
          pick("commit_sha", "checksum", "password_hash", "token_sha256"),
          commit,
          commit);
      String passwordHash =
          "pbkdf2_sha256$600000$"
              + Synthetic.chars(random, Synthetic.ALNUM, 22)
              + "$"
              + Synthetic.base64(random, 43)
              + "=";
      assignment(NONE, Context.PYTHON, "password_hash", passwordHash, passwordHash);

      // identifiers
      String uuid = Synthetic.uuid(random);
      assignment(
          NONE, pickContext(), pick("request_id", "tenant_id", "token_id", "api_key"), uuid, uuid);
      String etag = Synthetic.base64(random, 40);
      assignment(NONE, pickContext(), pick("etag", "object_version", "trace"), etag, etag);

      // base64 images
      String png = "iVBORw0KGgoAAAANSUhEUgAA" + Synthetic.base64(random, 400) + "==";
      add(NONE, "notebooks/plot_" + next("img") + ".ipynb", notebookWithImage(png), png);
      String dataUri = "data:image/png;base64," + png;
      assignment(NONE, pickContext(), pick("avatar", "logo_token", "icon"), dataUri, dataUri);

      // minified JavaScript: short names next to random-looking strings on one long line
      add(NONE, "web/static/app." + next("js") + ".min.js", minifiedJs(), "");
      add(NONE, "web/static/vendor_" + next("bundle") + ".js", minifiedJs(), "");

      // words and names that only mention secrets
      String words =
          pick(
              "correct-horse-battery-staple",
              "ApplicationTokenStorage",
              "ACCESS_TOKEN_COOKIE",
              "prod/app/db-password",
              "client_secret.json",
              "Bearer",
              "P@ss1",
              "auth.backends.TokenBackend",
              "password_reset_confirm",
              "2024-01-01T00:00:00Z");
      assignment(
          NONE,
          pickContext(),
          pick("password", "token_type", "SECRET_NAME", "api_key", "auth_backend"),
          words,
          words);
      add(
          NONE,
          "deploy/k8s_" + next("k8s") + ".yaml",
          "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: app-db\n"
              + "        key: password\ntoken: ${{ secrets.GITHUB_TOKEN }}\n"
              + "password: \"{{ .Values.db.password }}\"\npassword_min_length: 12\n"
              + "TOKEN_EXPIRY_SECONDS: 3600\nsecretName: tls-"
              + pick(WORDS)
              + "-2024\n",
          "");
      add(
          NONE,
          "app/forms_" + next("forms") + ".py",
          pythonFile(
              "password_field = \"password\"\nTOKEN_HEADER = \"X-Auth-Token\"\nif password == confirm:\n    pass\n"
                  + "help_text = \"Your password must contain at least 12 characters.\"\n"),
          "");
    }

    // ---- rendering

    /** One file where {@code name} is given {@code value} in the context's syntax. */
    private void assignment(
        String kind, Context context, String name, String value, String planted) {
      String id = next(kind + "-" + context.name().toLowerCase(Locale.ROOT));
      String bare = random.nextBoolean() ? value : "\"" + value + "\"";
      switch (context) {
        case PYTHON ->
            add(
                kind,
                "app/settings_" + id + ".py",
                pythonFile(pythonName(name) + " = " + pyQuote(value) + "\n"),
                planted);
        case YAML ->
            add(
                kind,
                "config/app_" + id + ".yaml",
                "service:\n  name: "
                    + pick(WORDS)
                    + "\n  "
                    + name
                    + ": "
                    + bare
                    + "\n  replicas: 2\n",
                planted);
        case JSON ->
            add(
                kind,
                "config/app_" + id + ".json",
                "{\n  \"service\": \""
                    + pick(WORDS)
                    + "\",\n  \""
                    + name
                    + "\": \""
                    + jsonEscape(value)
                    + "\",\n  \"replicas\": 2\n}\n",
                planted);
        case ENV ->
            add(
                kind,
                "deploy/" + id + ".env",
                "APP_ENV=production\n" + envName(name) + "=" + bare + "\nLOG_LEVEL=info\n",
                planted);
        case INI ->
            add(
                kind,
                "config/app_" + id + ".ini",
                "[service]\nname = " + pick(WORDS) + "\n" + name + " = " + value + "\n",
                planted);
        case SHELL ->
            add(
                kind,
                "scripts/deploy_" + id + ".sh",
                "#!/usr/bin/env bash\nset -euo pipefail\nexport "
                    + envName(name)
                    + "="
                    + bare
                    + "\n./deploy.sh \"$@\"\n",
                planted);
        case NOTEBOOK ->
            add(
                kind,
                "notebooks/explore_" + id + ".ipynb",
                notebook(
                    "import pandas as pd\n",
                    pythonName(name) + " = " + pyQuote(value) + "\n",
                    "df = pd.read_csv(\"data.csv\")"),
                planted);
        case URL_IN_CONFIG ->
            add(
                kind,
                "config/services_" + id + ".toml",
                "[upstream]\n" + pythonName(name) + " = \"" + value + "\"\ntimeout = 30\n",
                planted);
      }
    }

    private String pythonFile(String middle) {
      StringBuilder file = new StringBuilder("import os\n");
      for (int i = 0; i < 2 + random.nextInt(3); i++) {
        file.append(pick(PYTHON_FILLER)).append('\n');
      }
      file.append(middle);
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        file.append(pick(PYTHON_FILLER)).append('\n');
      }
      return file.toString();
    }

    private String minifiedJs() {
      StringBuilder js = new StringBuilder("!function(e,t){\"use strict\";");
      while (js.length() < 6000) {
        String v = Synthetic.chars(random, "abcdefghijklmnopqrstuvwxyz", 1);
        js.append(
            switch (random.nextInt(5)) {
              case 0 -> "var " + v + "={token:e.token,apiKey:t.apiKey,password:\"\"};";
              case 1 -> "e.exports={id:\"" + Synthetic.hex(random, 20) + "\",secret:" + v + ".s};";
              case 2 -> v + ".authToken=\"" + Synthetic.chars(random, Synthetic.ALNUM, 24) + "\";";
              case 3 -> "function " + v + "(n){return n.passwordField||\"password\"}";
              default -> "t[\"" + Synthetic.base64(random, 16) + "\"]=" + random.nextInt(999) + ";";
            });
      }
      return js.append("}(this,window);\n").toString();
    }

    private static String notebook(String... sourceLines) {
      StringBuilder source = new StringBuilder();
      for (int i = 0; i < sourceLines.length; i++) {
        source
            .append(i == 0 ? "" : ",\n")
            .append("    \"")
            .append(jsonEscape(sourceLines[i]))
            .append('"');
      }
      return "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {},\n"
          + "   \"outputs\": [],\n   \"source\": [\n"
          + source
          + "\n   ]\n  }\n ],\n \"metadata\": {},\n"
          + " \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
    }

    private static String notebookWithImage(String png) {
      return "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"outputs\": [\n    {\n"
          + "     \"data\": {\n      \"image/png\": \""
          + png
          + "\",\n      \"text/plain\": [\"<Figure size 640x480>\"]\n"
          + "     },\n     \"output_type\": \"display_data\"\n    }\n   ],\n"
          + "   \"source\": [\"df.plot()\"]\n  }\n ],\n \"nbformat\": 4\n}\n";
    }

    private static String pythonName(String name) {
      return name.replace('.', '_').replace('-', '_');
    }

    private static String envName(String name) {
      return pythonName(name).toUpperCase(Locale.ROOT);
    }

    private String pyQuote(String value) {
      return random.nextBoolean() ? "\"" + value + "\"" : "'" + value + "'";
    }

    private static String jsonEscape(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String indent(String text, String prefix) {
      StringBuilder out = new StringBuilder();
      for (String line : text.split("\n")) {
        out.append(prefix).append(line).append('\n');
      }
      return out.toString();
    }

    private Context pickContext() {
      return pick(List.of(Context.values()));
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
      return options.get(random.nextInt(options.size()));
    }

    private String next(String series) {
      int n = counters.merge(series, 1, Integer::sum);
      return series.replace('_', '-') + "-" + n;
    }

    private void add(String kind, String path, String content, String planted) {
      samples.add(new Sample(path, path, content, kind, planted));
    }
  }
}
