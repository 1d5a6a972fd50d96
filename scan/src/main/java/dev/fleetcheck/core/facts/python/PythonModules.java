package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Python files that may decide a profile ({@link ProfileScope}), each summarised. */
public final class PythonModules {

  public static final Fact<List<PythonModule>> FACT =
      Fact.of("python.modules", PythonModules::scan);

  private static final Pattern LAMBDA_HANDLER =
      Pattern.compile(
          "^(?:async\\s+)?def\\s+(?:lambda_handler|handler)\\s*\\(\\s*event\\b[^,()]*,\\s*context\\b");

  /** What every match of {@link #LAMBDA_HANDLER} contains. */
  private static final String HANDLER_LITERAL = "handler";

  private PythonModules() {}

  private static List<PythonModule> scan(Facts facts) {
    RepoSnapshot snapshot = facts.snapshot();
    ProfileScope scope = facts.get(ProfileScope.FACT);
    List<SourceFile> candidates =
        snapshot.files().stream().filter(file -> file.isPython() && scope.decides(file)).toList();
    // Each module is read and summarised on its own; the list keeps path order.
    return candidates.parallelStream()
        .map(file -> summarise(snapshot, file))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<PythonModule> summarise(RepoSnapshot snapshot, SourceFile file) {
    return snapshot
        .readText(file.path())
        .map(source -> ImportScan.summarise(source, LAMBDA_HANDLER, HANDLER_LITERAL))
        .map(
            summary ->
                new PythonModule(
                    file.path(),
                    summary.imports(),
                    summary.mainGuardLine(),
                    summary.firstMatchLine()));
  }
}
