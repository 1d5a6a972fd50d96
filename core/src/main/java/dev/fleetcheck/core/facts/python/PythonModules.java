package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The Python files that may decide a profile ({@link ProfileScope}), each summarised. */
public final class PythonModules {

  public static final Fact<List<PythonModule>> FACT =
      Fact.of("python.modules", PythonModules::scan);

  private static final Pattern LAMBDA_HANDLER =
      Pattern.compile(
          "^(?:async\\s+)?def\\s+(?:lambda_handler|handler)\\s*\\(\\s*event\\b[^,()]*,\\s*context\\b");

  private PythonModules() {}

  private static List<PythonModule> scan(Facts facts) {
    List<PythonModule> modules = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (!file.isPython() || !ProfileScope.decides(file)) {
        continue;
      }
      facts
          .snapshot()
          .readText(file.path())
          .ifPresent(
              source ->
                  modules.add(
                      new PythonModule(
                          file.path(),
                          ImportScan.imports(source),
                          ImportScan.mainGuardLine(source),
                          ImportScan.firstCodeLine(source, LAMBDA_HANDLER))));
    }
    return List.copyOf(modules);
  }
}
