package dev.fleetcheck.functions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartTest {

  @Test
  void theBenchStartsFunctionsWithTheJvmOptionsOfTheTemplatesGlobals() throws Exception {
    assertThat(ColdStart.toolOptions(Path.of("../../template.yaml")))
        .contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void aTemplateWithoutJvmOptionsIsAnErrorNotAnUnsetOption(@TempDir Path dir) throws Exception {
    Path template = Files.writeString(dir.resolve("template.yaml"), "Globals:\n  Function: {}\n");

    assertThatThrownBy(() -> ColdStart.toolOptions(template))
        .hasMessageContaining("JAVA_TOOL_OPTIONS");
  }
}
