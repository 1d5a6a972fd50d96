package dev.fleetcheck.core.facts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDetectorTest {

  @TempDir Path dir;

  private DetectedProfiles detect(FixtureRepo repo) {
    return new Facts(RepoSnapshot.of(repo.build())).get(ProfileDetector.FACT);
  }

  @Test
  void pythonFromProjectFileWithReason() {
    DetectedProfiles detected = detect(FixtureRepo.in(dir).python());
    assertThat(detected.profiles()).containsExactly(Profile.PYTHON);
    assertThat(detected.reasons())
        .containsExactly(Evidence.file("pyproject.toml", "python: Python project file"));
  }

  @Test
  void codeUnderDocsScriptsExamplesAndTestsDecidesNothing() {
    DetectedProfiles detected =
        detect(
            FixtureRepo.in(dir)
                .file("docs/conf.py", "import sphinx\n")
                .file("docs/requirements.txt", "sphinx\n")
                .file("scripts/release.py", "import argparse\nif __name__ == '__main__':\n  pass\n")
                .file("examples/app/pyproject.toml", "[project]\nname='x'\n")
                .file("benchmarks/run.py", "import flask\n")
                .file("tests/test_x.py", "import fastapi\n")
                .file("package.json", "{}"));
    assertThat(detected.profiles()).isEmpty();
  }

  @Test
  void cliFromConsoleScriptMainModuleOrScriptWithParser() {
    assertThat(
            detect(
                    FixtureRepo.in(dir)
                        .file("pyproject.toml", "[project.scripts]\nfoo = \"foo:main\"\n"))
                .profiles())
        .contains(Profile.CLI);
  }

  @Test
  void cliFromPackageMain(@TempDir Path other) {
    DetectedProfiles detected =
        detect(FixtureRepo.in(other).python().file("src/tool/__main__.py", "main()\n"));
    assertThat(detected.profiles()).contains(Profile.CLI);
    assertThat(detected.reasons())
        .anyMatch(e -> e.path().equals("src/tool/__main__.py") && e.message().startsWith("cli: "));
  }

  @Test
  void cliNeedsParserImportAndMainGuardTogether() {
    DetectedProfiles parserOnly =
        detect(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "app/management/commands/sync.py",
                    "import argparse\nfrom django.core.management.base import BaseCommand\n")
                .file("app/cli.py", "import click\n\n@app.cli.command()\ndef x():\n    pass\n"));
    assertThat(parserOnly.profiles()).doesNotContain(Profile.CLI).contains(Profile.API);
  }

  @Test
  void cliFromScriptWithMainGuard(@TempDir Path other) {
    DetectedProfiles detected =
        detect(
            FixtureRepo.in(other)
                .file(
                    "tool.py",
                    "\"\"\"Doc.\nimport click\n\"\"\"\nimport optparse\n\nif __name__ == \"__main__\":\n    main()\n"));
    assertThat(detected.profiles()).contains(Profile.CLI);
    assertThat(detected.reasons())
        .contains(
            Evidence.at(
                "tool.py", 6, "cli: imports optparse and runs as a script (__main__ guard)"));
  }

  @Test
  void apiFromDependencyImportOrSamApiEvent() {
    DetectedProfiles detected =
        detect(
            FixtureRepo.in(dir)
                .file(
                    "template.yaml",
                    """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          Events:
                            Get:
                              Type: HttpApi
                    """)
                .file("app.py", "def handler(event, context):\n    return {}\n"));
    assertThat(detected.profiles())
        .containsExactlyInAnyOrder(Profile.PYTHON, Profile.API, Profile.LAMBDA);
    assertThat(detected.reasons())
        .contains(
            Evidence.at("template.yaml", 10, "api: API event or function URL"),
            Evidence.file("template.yaml", "lambda: AWS SAM template"),
            Evidence.at("app.py", 1, "lambda: Lambda handler(event, context)"));
  }

  @Test
  void lambdaFromPowertoolsAndApiFromFramework(@TempDir Path other) {
    DetectedProfiles detected =
        detect(
            FixtureRepo.in(other)
                .file(
                    "pyproject.toml",
                    "[project]\ndependencies = [\"aws-lambda-powertools[tracer]\", \"Django>=5\"]\n"));
    assertThat(detected.profiles())
        .containsExactlyInAnyOrder(Profile.PYTHON, Profile.API, Profile.LAMBDA);
    assertThat(detected.reasons())
        .contains(Evidence.at("pyproject.toml", 2, "api: depends on django"));
  }

  @Test
  void samTemplateWithoutApiEventIsLambdaOnly() {
    DetectedProfiles detected =
        detect(
            FixtureRepo.in(dir)
                .python()
                .file(
                    "infra/template.yml",
                    "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
                        + "    Properties:\n      Events:\n        Q:\n          Type: SQS\n")
                .file(
                    "examples/serverless.yml",
                    "functions:\n  f:\n    events:\n      - http: GET /\n"));
    assertThat(detected.profiles()).containsExactlyInAnyOrder(Profile.PYTHON, Profile.LAMBDA);
  }
}
