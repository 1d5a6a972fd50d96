package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.described;
import static dev.fleetcheck.core.testing.FixtureRepo.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorsStartedTest {

  private static final String COMPOSE =
      "services:\n  aws:\n    image: localstack/localstack:3.8\n  web:\n    build: .\n";

  @TempDir Path dir;

  private FixtureRepo repo(String name) {
    return FixtureRepo.in(dir.resolve(name)).python();
  }

  @Test
  void aComposeEmulatorThatNothingBringsUpFails() {
    Path repo =
        repo("r")
            .file("compose.yaml", COMPOSE)
            .file("Makefile", "test:\n\tpytest\n")
            .file("README.md", "Run `docker compose up -d` before the tests.\n")
            .build();

    assertThat(described(check(new EmulatorsStarted(), repo)))
        .containsExactly(
            "compose.yaml:2: compose service `aws` runs `localstack/localstack:3.8`, but no"
                + " target, CI step, script, dev container or pytest plugin brings up compose");
  }

  @Test
  void aTargetACiStepOrAScriptThatBringsUpComposePasses() {
    Path target =
        repo("target")
            .file("compose.yaml", COMPOSE)
            .file("Makefile", "up:\n\tdocker compose -f compose.yaml up -d --wait\n")
            .build();
    Path ci =
        repo("ci")
            .file("docker-compose.yml", COMPOSE)
            .file(
                ".github/workflows/ci.yml",
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - run: |\n          docker-compose up -d\n          pytest\n")
            .build();
    Path script =
        repo("script")
            .file("compose.yaml", COMPOSE)
            .file(
                "bin/stack.sh",
                "#!/bin/sh\n# docker compose up is below\nset -e\n" + "podman compose up -d\n")
            .build();

    Outcome outcome = check(new EmulatorsStarted(), target);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(described(outcome))
        .containsExactly("Makefile:1: target `up` runs `docker compose -f compose.yaml up`");
    assertThat(check(new EmulatorsStarted(), ci).status()).isEqualTo(Status.PASS);
    assertThat(described(check(new EmulatorsStarted(), script)))
        .containsExactly("bin/stack.sh:4: script runs `podman compose up`");
  }

  @Test
  void aCommentedScriptLineAndAnEchoedHintDoNotBringUpCompose() {
    Path repo =
        repo("r")
            .file("compose.yaml", COMPOSE)
            .file("bin/stack.sh", "#!/bin/sh\n# docker compose up -d\n")
            .file("Makefile", "help:\n\t@echo \"first run: docker compose up -d\"\n")
            .build();

    assertThat(check(new EmulatorsStarted(), repo).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void aLocalEndpointNeedsSomethingThatStartsAnEmulator() {
    String code =
        "import boto3\n\n"
            + "table = boto3.resource(\n    \"dynamodb\",\n"
            + "    endpoint_url=\"http://localhost:8000\",\n)\n"
            + "# endpoint_url=\"http://localhost:9999\" in a comment\n"
            + "HELP = 'endpoint_url=\"http://localhost:7777\"'\n"
            + "real = boto3.client(\"s3\", endpoint_url=\"https://s3.eu-west-1.amazonaws.com\")\n";
    Path unstarted = repo("unstarted").file("tests/conftest.py", code).build();
    Path ciService =
        repo("service")
            .file("tests/conftest.py", code)
            .file(
                ".gitlab-ci.yml",
                "test:\n  services:\n    - name: amazon/dynamodb-local:2.5.2\n  script:\n"
                    + "    - pytest\n")
            .build();
    Path dockerRun =
        repo("run")
            .file("tests/conftest.py", code)
            .file("Makefile", "dynamo:\n\tdocker run -d -p 8000:8000 amazon/dynamodb-local:2.5.2\n")
            .build();

    assertThat(described(check(new EmulatorsStarted(), unstarted)))
        .containsExactly(
            "tests/conftest.py:3: endpoint_url `http://localhost:8000`, but nothing in the"
                + " repository starts an emulator (target, CI step or service, script,"
                + " testcontainers, pytest plugin)");
    assertThat(described(check(new EmulatorsStarted(), ciService)))
        .containsExactly(".gitlab-ci.yml:3: CI service runs `amazon/dynamodb-local:2.5.2`");
    assertThat(described(check(new EmulatorsStarted(), dockerRun)))
        .containsExactly("Makefile:1: target `dynamo` runs `amazon/dynamodb-local:2.5.2`");
  }

  @Test
  void testcontainersStartWhatTheyRunAndAloneMakeTheRuleApply() {
    Path repo =
        repo("r")
            .file(
                "tests/test_store.py",
                "from testcontainers.localstack import LocalStackContainer as Stack\n\n"
                    + "def test_x():\n    with Stack(image=\"localstack/localstack:3.8\") as s:\n"
                    + "        pass\n")
            .build();

    assertThat(described(check(new EmulatorsStarted(), repo)))
        .containsExactly("tests/test_store.py:4: testcontainers `LocalStackContainer`");
  }

  @Test
  void composeFilesInTestCodeAndNonEmulatorServicesAreNotApplicable() {
    Path repo =
        repo("r")
            .file("tests/fixtures/compose.yaml", COMPOSE)
            .file("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n")
            .build();

    assertThat(check(new EmulatorsStarted(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aDevContainerOrAPytestDockerPluginBringsUpCompose() {
    Path devcontainer =
        repo("dev")
            .file("compose.yaml", COMPOSE)
            .file(
                ".devcontainer/devcontainer.json",
                "{\n  \"name\": \"x\",\n  \"dockerComposeFile\": \"../compose.yaml\"\n}\n")
            .build();
    Path plugin =
        FixtureRepo.in(dir.resolve("plugin"))
            .file(
                "pyproject.toml",
                "[project]\nname = \"x\"\n\n[dependency-groups]\ndev = [\"pytest-docker>=3\"]\n")
            .file("compose.yaml", COMPOSE)
            .build();

    assertThat(described(check(new EmulatorsStarted(), devcontainer)))
        .containsExactly(".devcontainer/devcontainer.json:3: dev container brings up compose");
    assertThat(check(new EmulatorsStarted(), plugin).status()).isEqualTo(Status.PASS);
  }
}
