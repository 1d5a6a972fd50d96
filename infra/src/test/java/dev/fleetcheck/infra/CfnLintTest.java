package dev.fleetcheck.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cfn-lint (which runs the SAM transform itself, offline) accepts template.yaml. */
class CfnLintTest {

  @TempDir Path work;

  @Test
  void cfnLintPassesOnTheTemplate() throws Exception {
    Tools.Result lint = cfnLint(RepoRoot.resolve("template.yaml"));
    assertThat(lint.exitCode()).as(lint.stdout() + lint.stderr()).isZero();
  }

  @Test
  void cfnLintFailsOnAMisspeltProperty() throws Exception {
    String yaml = Files.readString(RepoRoot.resolve("template.yaml"));
    String misspelt = yaml.replace("VisibilityTimeout: 1800", "VisibilityTimout: 1800");
    assertThat(misspelt).isNotEqualTo(yaml);
    Path broken = Files.writeString(work.resolve("template.yaml"), misspelt);

    Tools.Result lint = cfnLint(broken);

    assertThat(lint.exitCode()).isNotZero();
    assertThat(lint.stdout()).contains("VisibilityTimout");
  }

  private static Tools.Result cfnLint(Path template) throws Exception {
    Path cfnLint = Tools.require("cfn-lint", "pip install cfn-lint; the machine image has it");
    return Tools.run(
        List.of(cfnLint.toString(), "--format", "parseable", template.toString()),
        Map.of("AWS_DEFAULT_REGION", "us-east-1"),
        RepoRoot.path(),
        300);
  }
}
