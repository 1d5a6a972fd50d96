package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TraceInstrumentationTest {

  /** The file-name pattern the launcher search applies after the cheap word test. */
  private static final Pattern LAUNCHER_FILE =
      Pattern.compile(
          "(?i)(dockerfile.*|.*\\.dockerfile|procfile|.*compose.*\\.ya?ml|template.*\\.(ya?ml|json)"
              + "|serverless\\.ya?ml|.*\\.template\\.ya?ml)");

  @Test
  void everyLauncherFileNamePassesTheWordTest() {
    for (String path :
        new String[] {
          "Dockerfile",
          "deploy/Dockerfile.prod",
          "api.dockerfile",
          "Procfile",
          "docker-compose.yml",
          "ops/Compose.override.YAML",
          "template.yaml",
          "infra/Template-prod.json",
          "serverless.yml",
          "stack.template.yaml"
        }) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      assertThat(LAUNCHER_FILE.matcher(name).matches()).as(path).isTrue();
      assertThat(TraceInstrumentation.mayBeLauncherFile(path)).as(path).isTrue();
    }
  }

  @Test
  void ordinaryFilesFailTheWordTestAndAFolderNameDoesNotCount() {
    assertThat(TraceInstrumentation.mayBeLauncherFile("app/main.py")).isFalse();
    assertThat(TraceInstrumentation.mayBeLauncherFile("README.md")).isFalse();
    assertThat(TraceInstrumentation.mayBeLauncherFile("templates/index.html")).isFalse();
    assertThat(TraceInstrumentation.mayBeLauncherFile("dockerfiles/run.sh")).isFalse();
  }
}
