package dev.fleetcheck.functions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartTest {

  @Test
  void theBenchStartsFunctionsWithTheJvmOptionsOfTheTemplatesGlobals() throws Exception {
    assertThat(ColdStart.toolOptions(Path.of("../../template.yaml")))
        .contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void everyTemplateHandlerIsAStreamHandlerNamedByItsClassAlone() throws Exception {
    // A Handler without ::method makes the Lambda runtime use the handler's interface, and it
    // checks RequestStreamHandler first: the event never goes through its serialisation library.
    Matcher handlers =
        Pattern.compile("(?m)^\\s*Handler:\\s*(dev\\.fleetcheck\\.\\S+)\\s*$")
            .matcher(Files.readString(Path.of("../../template.yaml")));
    List<String> names = new ArrayList<>();
    while (handlers.find()) {
      names.add(handlers.group(1));
    }

    assertThat(names).hasSize(3);
    for (String name : names) {
      assertThat(RequestStreamHandler.class.isAssignableFrom(Class.forName(name)))
          .as(name)
          .isTrue();
    }
  }

  @Test
  void eachFunctionGetsOnlyTheVariablesTheTemplateSetsOnIt() throws Exception {
    Map<String, String> endpoint =
        Map.of(
            "FLEETCHECK_TABLE", "t",
            "FLEETCHECK_QUEUE_URL", "q",
            "FLEETCHECK_CURSOR_KEY_SECRET_ARN", "arn:cursor",
            "FLEETCHECK_GITHUB_SECRET_ARN", "arn:github");

    Map<String, Map<String, String>> variables =
        ColdStart.functionVariables(Path.of("../../template.yaml"), endpoint);

    assertThat(variables.get("api"))
        .containsEntry("FLEETCHECK_CURSOR_KEY_SECRET_ARN", "arn:cursor")
        .containsEntry("FLEETCHECK_QUEUE_URL", "q")
        .doesNotContainKey("FLEETCHECK_GITHUB_SECRET_ARN");
    assertThat(variables.get("worker"))
        .containsEntry("FLEETCHECK_TABLE", "t")
        .containsEntry("FLEETCHECK_GITHUB_SECRET_ARN", "arn:github")
        .doesNotContainKeys("FLEETCHECK_CURSOR_KEY_SECRET_ARN", "FLEETCHECK_QUEUE_URL");
    assertThat(variables.get("sweep"))
        .containsEntry("FLEETCHECK_QUEUE_URL", "q")
        .doesNotContainKey("FLEETCHECK_CURSOR_KEY_SECRET_ARN");
  }

  @Test
  void aTemplateWithoutJvmOptionsIsAnErrorNotAnUnsetOption(@TempDir Path dir) throws Exception {
    Path template = Files.writeString(dir.resolve("template.yaml"), "Globals:\n  Function: {}\n");

    assertThatThrownBy(() -> ColdStart.toolOptions(template))
        .hasMessageContaining("JAVA_TOOL_OPTIONS");
  }
}
