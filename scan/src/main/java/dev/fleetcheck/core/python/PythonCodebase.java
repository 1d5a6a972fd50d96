package dev.fleetcheck.core.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Python files of a snapshot, each tokenized and analysed at most once per scan, so that every
 * code check shares one pass over each file. Files over the snapshot's content limit are left out
 * (the snapshot already notes them).
 *
 * <p>The token stream and block structure of a file are kept too, so that the checks which need
 * more than the module facts neither decode nor tokenize a file again; they are held softly, since
 * they are many times the size of the source and can always be made anew (the same again). Safe for
 * checks running on several threads.
 */
public final class PythonCodebase {

  public static final Fact<PythonCodebase> FACT =
      Fact.of(
          "python-codebase",
          facts -> new PythonCodebase(facts.snapshot(), facts.get(ProfileScope.FACT)));

  private final RepoSnapshot snapshot;
  private final ProfileScope scope;
  private final Map<String, Optional<PythonModule>> modules = new ConcurrentHashMap<>();
  private final Map<String, SoftReference<Parsed>> parsed = new ConcurrentHashMap<>();
  // Test code or not, to its modules: each list made once, by the first thread that asks.
  private final Map<Boolean, List<PythonModule>> analysed = new ConcurrentHashMap<>();
  private volatile List<PythonModule> productModules;

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
    return analysed.computeIfAbsent(false, this::analysedInParallel);
  }

  /** Every readable {@code .py} file of test code, in path order. */
  public List<PythonModule> testModules() {
    return analysed.computeIfAbsent(true, this::analysedInParallel);
  }

  /** Files are independent: analysed on every core, the list kept in path order. */
  private List<PythonModule> analysedInParallel(boolean testCode) {
    return snapshot.files().parallelStream()
        .filter(file -> file.isPython() && file.testCode() == testCode)
        .map(file -> module(file.path()))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * The modules of product code ({@link ProfileScope}): {@link #sourceModules()} without the
   * top-level examples/, docs/, scripts/, release/ and benchmark(s)/ folders.
   */
  public List<PythonModule> productModules() {
    List<PythonModule> known = productModules;
    if (known == null) {
      known = sourceModules().stream().filter(m -> !scope.inExcludedFolder(m.path())).toList();
      productModules = known;
    }
    return known;
  }

  /** The analysed module at {@code path}; empty when not an indexed, readable file. */
  public Optional<PythonModule> module(String path) {
    return modules.computeIfAbsent(path, this::load);
  }

  /**
   * The token stream of the file at {@code path}: for the checks that need subscripts or layout,
   * after a cheaper test chose the file. Tokenized once per scan while memory allows.
   */
  public Optional<Tokens> tokens(String path) {
    return parsed(path).map(Parsed::tokens);
  }

  /** The def, class and except blocks of the file at {@code path} ({@link Blocks}). */
  public Optional<Blocks> blocks(String path) {
    return parsed(path).map(Parsed::blocks);
  }

  /** The decoded text of the file at {@code path}, as the tokenizer sees it. */
  public Optional<String> text(String path) {
    Parsed known = cached(path);
    if (known != null) {
      return Optional.of(known.tokens().source());
    }
    return source(path);
  }

  /**
   * The file's text as PEP 263 decodes it, from its bytes. Not through the snapshot's text: that
   * would keep the text beside the bytes within the snapshot's budget, which a large tree then
   * spends on half as many files (every other reader of the rest goes back to the disk).
   */
  private Optional<String> source(String path) {
    Optional<SourceFile> file = snapshot.file(path);
    if (file.isEmpty() || file.get().binary()) {
      return Optional.empty();
    }
    return snapshot.readBytes(path).map(PythonSource::decode);
  }

  private Optional<PythonModule> load(String path) {
    Optional<SourceFile> file = snapshot.file(path);
    return parsed(path).map(p -> ModuleAnalyzer.analyze(path, file.get().testCode(), p.blocks()));
  }

  private Optional<Parsed> parsed(String path) {
    Parsed known = cached(path);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Parsed> made = source(path).map(text -> new Parsed(PythonTokenizer.tokenize(text)));
    made.ifPresent(p -> parsed.put(path, new SoftReference<>(p)));
    return made;
  }

  private Parsed cached(String path) {
    SoftReference<Parsed> ref = parsed.get(path);
    return ref == null ? null : ref.get();
  }

  /** One file's tokens, and its blocks once a check asks for them. */
  private static final class Parsed {
    private final Tokens tokens;
    private volatile Blocks blocks;

    Parsed(Tokens tokens) {
      this.tokens = tokens;
    }

    Tokens tokens() {
      return tokens;
    }

    Blocks blocks() {
      Blocks known = blocks;
      if (known == null) {
        known = Blocks.of(tokens);
        blocks = known;
      }
      return known;
    }
  }
}
