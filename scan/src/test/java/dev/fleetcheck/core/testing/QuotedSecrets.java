package dev.fleetcheck.core.testing;

import dev.fleetcheck.core.testing.SecretCorpus.Sample;
import dev.fleetcheck.core.testing.SecretCorpus.Synthetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Secrets where reports quote repository text: inside CI commands, Makefile recipes, task-runner
 * scripts, environment assignments, compose {@code environment:} blocks, URLs and a waiver's
 * rationale. Rules quote CI steps and rationales in their evidence, so these reach reports unless
 * the engine redacts them. Values are synthetic and generated; several are too plain for PY-SEC-041
 * to report ({@code --password} with a word-and-digits value), which the redaction must still hide.
 * The workflow runs {@code make lint}, so the recipe is followed too.
 */
public final class QuotedSecrets {

  public static final String SECRET_ARGUMENT = "secret_argument";

  private QuotedSecrets() {}

  /** The files, each with the value it plants; write them all into one Python repository. */
  public static List<Sample> generate() {
    Random random = new Random(SecretCorpus.SEED + 7);
    Values v = new Values(random);
    List<Sample> samples = new ArrayList<>();
    String ghToken = Synthetic.githubToken(random);
    String dbPassword = v.plain();
    String flagPassword = v.plain();
    String shortFlagPassword = v.plain();
    String urlPassword = v.plain();
    String queryToken = v.plain();
    String fragmentToken = v.plain();
    String userToken = v.random();
    String workflow =
        "on: push\n"
            + "jobs:\n"
            + "  checks:\n"
            + "    runs-on: ubuntu-latest\n"
            + "    steps:\n"
            + "      - run: GH_TOKEN="
            + ghToken
            + " ruff check .\n"
            + "      - run: make lint\n"
            + "      - run: DB_PASSWORD="
            + dbPassword
            + " pytest --password "
            + flagPassword
            + " --db https://ci:"
            + urlPassword
            + "@db.internal/app\n"
            + "      - run: mysql -p "
            + shortFlagPassword
            + " -e 'select 1' && pytest -p no:cacheprovider\n"
            + "      - run: curl 'https://hooks.internal/run?job=1&access_token="
            + queryToken
            + "' && pytest\n"
            + "      - run: curl https://app.internal/cb#id_token="
            + fragmentToken
            + " && ruff check src\n"
            + "      - run: pip install git+https://"
            + userToken
            + "@github.com/acme/tool.git && ruff check .\n";
    String path = ".github/workflows/ci.yml";
    samples.add(sample("ci-token-prefix", path, workflow, SecretCorpus.GITHUB_TOKEN, ghToken));
    samples.add(sample("ci-env-assignment", path, workflow, "secret_assignment", dbPassword));
    samples.add(sample("ci-long-flag", path, workflow, SECRET_ARGUMENT, flagPassword));
    samples.add(sample("ci-short-flag", path, workflow, SECRET_ARGUMENT, shortFlagPassword));
    samples.add(sample("ci-url-password", path, workflow, "url_password", urlPassword));
    samples.add(sample("ci-url-query", path, workflow, "url_secret_parameter", queryToken));
    samples.add(sample("ci-url-fragment", path, workflow, "url_secret_parameter", fragmentToken));
    samples.add(sample("ci-url-user", path, workflow, "url_credential", userToken));

    String recipeKey = v.plain();
    String recipeToken = v.random();
    String makefile =
        ".PHONY: lint test\nlint:\n\tAPI_KEY="
            + recipeKey
            + " ruff check .\ntest:\n\tpytest --token="
            + recipeToken
            + "\n";
    samples.add(sample("make-recipe-env", "Makefile", makefile, SECRET_ARGUMENT, recipeKey));
    samples.add(sample("make-recipe-flag", "Makefile", makefile, SECRET_ARGUMENT, recipeToken));

    String scriptPassword = v.plain();
    String script = "#!/bin/sh\nexport PGPASSWORD=" + scriptPassword + "\nruff check .\n";
    samples.add(
        sample("script-export", "scripts/lint.sh", script, SECRET_ARGUMENT, scriptPassword));

    String composeMap = v.plain();
    String composeList = v.plain();
    String composeUrl = v.plain();
    String compose =
        "services:\n"
            + "  db:\n"
            + "    image: postgres:16\n"
            + "    environment:\n"
            + "      POSTGRES_PASSWORD: "
            + composeMap
            + "\n"
            + "  app:\n"
            + "    image: acme/app:1.0\n"
            + "    environment:\n"
            + "      - SECRET_KEY="
            + composeList
            + "\n"
            + "      - DATABASE_URL=postgres://app:"
            + composeUrl
            + "@db/app\n";
    String composePath = "docker-compose.yml";
    samples.add(sample("compose-map", composePath, compose, SECRET_ARGUMENT, composeMap));
    samples.add(sample("compose-list", composePath, compose, SECRET_ARGUMENT, composeList));
    samples.add(sample("compose-url", composePath, compose, "url_password", composeUrl));

    String rationaleToken = v.plain();
    String adr =
        "# 0001. Lint later\n\nWaives: PY-LCL-001\nExpires: 2099-12-31\n\n## Rationale\n"
            + "The lint job needs LINT_TOKEN="
            + rationaleToken
            + " which the platform team rotates next quarter.\n";
    samples.add(
        sample("waiver-rationale", "docs/adr/0001-lint.md", adr, SECRET_ARGUMENT, rationaleToken));
    return samples;
  }

  private static Sample sample(
      String id, String path, String content, String kind, String planted) {
    return new Sample("quoted-" + id, path, content, kind, planted);
  }

  /** Values that are credentials but not all high-entropy: words with digits, random strings. */
  private record Values(Random generator) {

    /** A word and digits: too plain for PY-SEC-041, still a password ({@code Sunset4821x}). */
    String plain() {
      String word =
          List.of("Sunset", "Harbor", "Maple", "Falcon", "Ember").get(generator.nextInt(5));
      return word + Synthetic.chars(generator, "0123456789", 4) + "x" + generator.nextInt(10);
    }

    String random() {
      return "fake" + Synthetic.chars(generator, Synthetic.ALNUM, 20);
    }
  }
}
