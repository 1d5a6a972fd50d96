package dev.fleetcheck.core.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Python files of a snapshot, each tokenized and analysed at most once per scan, so that every
 * code check shares one pass over each file. Files over the snapshot's content limit are left out
 * (the snapshot already notes them).
 */
public final class PythonCodebase {

  public static final Fact<PythonCodebase> FACT =
      Fact.of(
          "python-codebase",
          facts -> new PythonCodebase(facts.snapshot(), facts.get(ProfileScope.FACT)));

  private final RepoSnapshot snapshot;
  private final ProfileScope scope;
  private final Map<String, Optional<PythonModule>> modules = new ConcurrentHashMap<>();
  private volatile List<PythonModule> sourceModules;

  private PythonCodebase(RepoSnapshot snapshot, ProfileScope scope) {
    this.snapshot = snapshot;
    this.scope = scope;
  }

  /** The codebase of the snapshot behind {@code facts}. */
  public static PythonCodebase of(Facts facts) {
    return facts.get(FACT);
  }

  /** Every readable {@code .py} file outside test code, in path order. */
  public List<PythonModule> sourceModules() {
    List<PythonModule> known = sourceModules;
    if (known == null) {
      synchronized (this) {
        known = sourceModules;
        if (known == null) {
          // Files are independent: analysed on every core, the list kept in path order.
          known =
              snapshot.files().parallelStream()
                  .filter(file -> file.isPython() && !file.testCode())
                  .map(file -> module(file.path()))
                  .flatMap(Optional::stream)
                  .toList();
          sourceModules = known;
        }
      }
    }
    return known;
  }

  /**
   * The modules of product code ({@link ProfileScope}): {@link #sourceModules()} without the
   * top-level examples/, docs/, scripts/, release/ and benchmark(s)/ folders.
   */
  public List<PythonModule> productModules() {
    return sourceModules().stream().filter(m -> !scope.inExcludedFolder(m.path())).toList();
  }

  /** The analysed module at {@code path}; empty when not an indexed, readable file. */
  public Optional<PythonModule> module(String path) {
    return modules.computeIfAbsent(path, this::load);
  }

  /**
   * The token stream of the file at {@code path}, tokenized anew (not kept): for the few checks
   * that need block structure or subscripts, after a cheaper test chose the file.
   */
  public Optional<Tokens> tokens(String path) {
    return text(path).map(PythonTokenizer::tokenize);
  }

  /** The decoded text of the file at {@code path}, as the tokenizer sees it. */
  public Optional<String> text(String path) {
    Optional<SourceFile> file = snapshot.file(path);
    if (file.isEmpty() || file.get().binary()) {
      return Optional.empty();
    }
    return snapshot.readBytes(path).map(PythonSource::decode);
  }

  private Optional<PythonModule> load(String path) {
    Optional<SourceFile> file = snapshot.file(path);
    if (file.isEmpty() || file.get().binary()) {
      return Optional.empty();
    }
    return snapshot
        .readBytes(path)
        .map(
            bytes ->
                ModuleAnalyzer.analyze(path, file.get().testCode(), PythonSource.decode(bytes)));
  }
}
