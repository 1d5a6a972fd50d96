package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ModuleAnalyzer;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringConstantsTest {

  private static final String SOURCE =
      """
      BASE = "http://example.com"
      BASE = "https://second.example.com"
      settings.URL = "http://settings.example.com"
      COUNT = 3

      requests.get(BASE)
      requests.get(settings.URL)
      requests.get("http://literal.example.com")
      requests.get(COUNT)
      requests.get(UNKNOWN)
      requests.get(build())
      """;

  @Test
  void answersAsModuleValuesDoesForEveryArgument() {
    PythonModule module = ModuleAnalyzer.analyze("app.py", false, SOURCE);
    StringConstants constants = new StringConstants(module);
    List<PyValue> arguments = new ArrayList<>();
    for (Call call : module.calls()) {
      arguments.addAll(call.positional());
    }
    assertThat(arguments).hasSizeGreaterThanOrEqualTo(6);
    for (PyValue argument : arguments) {
      assertThat(constants.string(argument)).isEqualTo(ModuleValues.string(module, argument));
    }
  }

  @Test
  void aNameTakesItsFirstStringAssignment() {
    PythonModule module = ModuleAnalyzer.analyze("app.py", false, SOURCE);
    PyValue base = module.calls().get(0).positional().get(0);
    assertThat(new StringConstants(module).string(base)).contains("http://example.com");
  }
}
