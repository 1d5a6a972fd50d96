package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.checkCli;
import static dev.fleetcheck.core.rules.RuleFixture.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdTest {

  @TempDir Path dir;

  private Path repo(String name, String code) {
    return FixtureRepo.in(dir.resolve(name)).python().file("tool/cli.py", code).build();
  }

  @Test
  void aRunIdBoundToAGeneratedValuePasses() {
    Path plain = repo("plain", "import uuid\n\nrun_id = uuid.uuid4().hex\n");
    Path aliased =
        repo(
            "aliased",
            "from uuid import uuid7 as new_id\n\n\ndef main():\n    context = {\n"
                + "        \"run_id\": str(\n            new_id()\n        ),\n    }\n");
    Path keyword =
        repo(
            "keyword",
            "import secrets\nimport structlog\n\n"
                + "structlog.contextvars.bind_contextvars(runId=secrets.token_hex(8))\n");
    Path attribute =
        repo(
            "attribute",
            "from ulid import ULID\n\nclass Run:\n    def __init__(self, run_id=None):\n"
                + "        self.run_id: str = run_id or str(ULID())\n");

    assertThat(described(checkCli(new RunId(), plain)))
        .containsExactly("tool/cli.py:3: `run_id` is bound to uuid.uuid4()");
    assertThat(described(checkCli(new RunId(), aliased)))
        .containsExactly("tool/cli.py:6: `run_id` is bound to uuid.uuid7()");
    assertThat(checkCli(new RunId(), keyword).status()).isEqualTo(Status.PASS);
    assertThat(described(checkCli(new RunId(), attribute)))
        .containsExactly("tool/cli.py:5: `run_id` is bound to ulid.ULID()");
  }

  @Test
  void stringsCommentsOtherValuesAndTestCodeDoNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/cli.py",
                "import uuid\nimport os\n\n"
                    + "\"\"\"run_id = uuid.uuid4()\"\"\"\n"
                    + "# run_id = uuid.uuid4()\n"
                    + "run_id = os.environ.get(\"RUN_ID\")\n"
                    + "request_id = uuid.uuid4()\n"
                    + "ctx = {\"run_id\": run_id, \"other\": uuid.uuid4()}\n"
                    + "print(\"run_id\", uuid.uuid4())\n")
            .file("tests/test_cli.py", "import uuid\n\nrun_id = uuid.uuid4()\n")
            .file("scripts/release.py", "import uuid\n\nrun_id = uuid.uuid4()\n")
            .build();

    assertThat(described(checkCli(new RunId(), repo)))
        .containsExactly(
            "no run id is generated: no run_id (runId, run-id, invocation_id) bound to uuid4(),"
                + " uuid7(), a ULID/KSUID or secrets.token_hex() in product code");
  }

  @Test
  void aGeneratorIsKnownByTheModuleOfItsCallee() {
    Path pythonUlid =
        repo("python-ulid", "import python_ulid\n\nrun_id = str(python_ulid.ULID())\n");
    Path ksuid = repo("ksuid", "from cyksuid import ksuid\n\nrun_id = str(ksuid.ksuid())\n");
    Path ksuidAfterTheDot = repo("after-dot", "import ids\n\nrun_id = ids.ksuid()\n");
    Path ulidPrefix = repo("ulid-prefix", "import ulidx\n\nrun_id = ulidx.new()\n");

    assertThat(described(checkCli(new RunId(), pythonUlid)))
        .containsExactly("tool/cli.py:3: `run_id` is bound to python_ulid.ULID()");
    assertThat(described(checkCli(new RunId(), ksuid)))
        .containsExactly("tool/cli.py:3: `run_id` is bound to cyksuid.ksuid.ksuid()");
    assertThat(checkCli(new RunId(), ksuidAfterTheDot).status()).isEqualTo(Status.FAIL);
    assertThat(checkCli(new RunId(), ulidPrefix).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void noProductCodeIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("tests/test_x.py", "x = 1\n").build();

    assertThat(checkCli(new RunId(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
