package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceFileTest {

  private static SourceFile file(String path) {
    return new SourceFile(path, 1, false, false, true);
  }

  @Test
  void documentationIsAReadmeAnywhereOrAnythingUnderTheTopLevelDocsFolder() {
    assertThat(file("README.md").isDocumentation()).isTrue();
    assertThat(file("readme").isDocumentation()).isTrue();
    assertThat(file("pkg/sub/Readme.rst").isDocumentation()).isTrue();
    assertThat(file("docs/api/index.md").isDocumentation()).isTrue();
    assertThat(file("Docs/config.yaml").isDocumentation()).isTrue();

    assertThat(file("docsite/index.md").isDocumentation()).isFalse();
    assertThat(file("src/docs/index.md").isDocumentation()).isFalse();
    assertThat(file("docs").isDocumentation()).isFalse();
    assertThat(file("src/read_me.py").isDocumentation()).isFalse();
  }
}
