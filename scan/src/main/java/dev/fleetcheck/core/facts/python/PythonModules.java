package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * The Python files that may decide a profile ({@link ProfileScope}), each summarised from the token
 * stream the code checks share ({@link PythonCodebase}).
 */
public final class PythonModules {

  public static final Fact<List<PythonModule>> FACT =
      Fact.of("python.modules", PythonModules::scan);

  private PythonModules() {}

  private static List<PythonModule> scan(Facts facts) {
    ProfileScope scope = facts.get(ProfileScope.FACT);
    PythonCodebase codebase = PythonCodebase.of(facts);
    List<SourceFile> candidates =
        facts.snapshot().files().stream()
            .filter(file -> file.isPython() && scope.decides(file))
            .toList();
    // Each module is tokenized and summarised on its own; the list keeps path order.
    return candidates.parallelStream()
        .map(file -> summarise(codebase, file.path()))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<PythonModule> summarise(PythonCodebase codebase, String path) {
    return codebase
        .tokens(path)
        .map(ImportScan::summarise)
        .map(
            summary ->
                new PythonModule(
                    path, summary.imports(), summary.mainGuardLine(), summary.lambdaHandlerLine()));
  }
}
