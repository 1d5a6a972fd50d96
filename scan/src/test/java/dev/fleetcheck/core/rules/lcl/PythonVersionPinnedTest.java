package dev.fleetcheck.core.rules.lcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonVersionPinnedTest {

  @TempDir Path dir;

  @Test
  void passesOnPythonVersionFile() {
    Path repo = FixtureRepo.in(dir).python().file(".python-version", "3.12\n").build();
    Outcome outcome = FixtureRepo.check(new PythonVersionPinned(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence())
        .contains(Evidence.at(".python-version", 1, "pinned Python version"));
  }

  @Test
  void passesOnRequiresPython() {
    Path repo =
        FixtureRepo.in(dir)
            .file("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.11\"\n")
            .build();
    Outcome outcome = FixtureRepo.check(new PythonVersionPinned(), repo);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.at("pyproject.toml", 3, "requires-python = \">=3.11\""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pyproject.toml|[tool.poetry.dependencies]\\npython = \"^3.10\"\\n",
        "runtime.txt|python-3.11.4\\n",
        ".tool-versions|nodejs 20.1.0\\npython 3.12.1\\n",
        "setup.cfg|[options]\\npython_requires = >=3.9\\n",
        "infra/template.yaml|Transform: AWS::Serverless-2016-10-31\\nResources:\\n  F:\\n    Properties:\\n      Runtime: python3.12\\n",
        "serverless.yml|provider:\\n  name: aws\\n  runtime: python3.11\\n"
      })
  void passesOnEveryDecisionSource(String path, String content) {
    Path repo =
        FixtureRepo.in(dir)
            .file("app.py", "print(1)\n")
            .file(path, content.replace("\\n", "\n"))
            .build();
    Outcome outcome = FixtureRepo.check(new PythonVersionPinned(), repo);
    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(outcome.evidence()).allMatch(e -> e.path().equals(path));
  }

  @Test
  void failsOnEmptyVersionFileAndTemplateInTestCodeDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(".python-version", "# nothing\n")
            .file(
                "tests/fixtures/template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nRuntime: python3.12\n")
            .build();
    Outcome outcome = FixtureRepo.check(new PythonVersionPinned(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence())
        .containsExactly(Evidence.file(".python-version", "holds no Python version"));
  }

  @Test
  void failsSayingWhereItLooked() {
    Path repo = FixtureRepo.in(dir).python().build();
    Outcome outcome = FixtureRepo.check(new PythonVersionPinned(), repo);
    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(outcome.evidence().get(0).message()).contains(".python-version", "requires-python");
  }
}
