package dev.fleetcheck.core.rules.cfg;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documentation files as the documentation checks need them, each file read once per scan on
 * every core: which application environment variables ({@link EnvironmentVariables}) a README, a
 * file under {@code docs/} or an {@code .env} sample names as a word (PY-CFG-004), and the text of
 * every README or {@code docs/} page that can hold a usage example and holds a fenced block
 * (PY-CTR-005). Reading is most of both checks' work, and on a large tree most of their files are
 * the same. A file only PY-CFG-004 wants is skipped once every name is found.
 */
public final class DocumentationFiles {

  public static final Fact<DocumentationFiles> FACT =
      Fact.of("cfg.documentation-files", DocumentationFiles::read);

  /** Up to this many names, each is searched for; past it, one pass over the words serves all. */
  private static final int FEW_NAMES = 16;

  private static final Set<String> ENV_SAMPLES =
      Set.of(".env.example", ".env.sample", ".env.template", "env.example", "example.env");
  private static final int SHORTEST_SAMPLE =
      ENV_SAMPLES.stream().mapToInt(String::length).min().orElseThrow();
  private static final int LONGEST_SAMPLE =
      ENV_SAMPLES.stream().mapToInt(String::length).max().orElseThrow();
  private static final Set<String> EXAMPLE_SUFFIXES = Set.of(".md", ".markdown", ".txt", "");

  /** A page that can hold usage examples, and its text (UTF-8, malformed bytes replaced). */
  public record Page(String path, String text) {}

  private final Set<String> namedVariables;
  private final boolean variablesSearched;
  private final List<Page> fencedPages;

  private DocumentationFiles(
      Set<String> namedVariables, boolean variablesSearched, List<Page> fencedPages) {
    this.namedVariables = Set.copyOf(namedVariables);
    this.variablesSearched = variablesSearched;
    this.fencedPages = List.copyOf(fencedPages);
  }

  /**
   * The application environment variable names that occur as words in the documentation; empty when
   * a name is not a word (then not searched for here: see {@link #variablesSearched()}).
   */
  Set<String> namedVariables() {
    return namedVariables;
  }

  /** Whether every variable name is a word and {@link #namedVariables()} was searched for. */
  boolean variablesSearched() {
    return variablesSearched;
  }

  /**
   * In file order, the README* files at the root and the Markdown, text and suffix-less files under
   * {@code docs/} whose text holds a fence (three backticks or tildes): no other can hold a fenced
   * usage example.
   */
  public List<Page> fencedPages() {
    return fencedPages;
  }

  private static DocumentationFiles read(Facts facts) {
    Set<String> names = new HashSet<>();
    boolean allWords = true;
    for (EnvironmentVariables.Variable variable : facts.get(EnvironmentVariables.FACT).all()) {
      names.add(variable.name());
      allWords &= isWord(variable.name());
    }
    Set<String> wanted = allWords ? names : Set.of();
    RepoSnapshot snapshot = facts.snapshot();
    Set<String> found = ConcurrentHashMap.newKeySet();
    // Files are independent: read on every core, the pages kept in file order.
    List<Page> pages =
        snapshot.files().parallelStream()
            .map(file -> page(snapshot, file, wanted, found))
            .flatMap(Optional::stream)
            .toList();
    return new DocumentationFiles(found, allWords, pages);
  }

  /** Reads one file when a check needs it: its words into {@code found}, its page if fenced. */
  private static Optional<Page> page(
      RepoSnapshot snapshot, SourceFile file, Set<String> wanted, Set<String> found) {
    if (!mayBeDocumentation(file)) {
      return Optional.empty();
    }
    boolean examples = mayHoldExamples(file);
    boolean words = documentation(file) && found.size() < wanted.size();
    if (!examples && !words) {
      return Optional.empty();
    }
    // The decoded text, not the bytes: readBytes would copy the content once more, and a page
    // needs the decoded text anyway. Word characters and fence marks are ASCII, and decoding never
    // turns an ASCII byte into anything else, nor anything else into one, so the text holds the
    // same words and fences as the bytes.
    Optional<String> text = snapshot.readText(file.path());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String chars = text.get();
    if (words) {
      collectWords(chars, wanted, found);
    }
    if (examples && (chars.contains("```") || chars.contains("~~~"))) {
      return Optional.of(new Page(file.path(), chars));
    }
    return Optional.empty();
  }

  /**
   * Adds to {@code found} the {@code wanted} names that occur in {@code text} as maximal runs of
   * word characters.
   */
  static void collectWords(String text, Set<String> wanted, Set<String> found) {
    if (wanted.size() <= FEW_NAMES) {
      for (String name : wanted) {
        if (!found.contains(name) && occursAsWord(text, name)) {
          found.add(name);
        }
      }
      return;
    }
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (String name : wanted) {
      shortest = Math.min(shortest, name.length());
      longest = Math.max(longest, name.length());
    }
    int length = text.length();
    int i = 0;
    while (i < length && found.size() < wanted.size()) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordChar(text.charAt(i))) {
        i++;
      }
      int runLength = i - start;
      if (runLength >= shortest && runLength <= longest) {
        String word = text.substring(start, i);
        if (wanted.contains(word)) {
          found.add(word);
        }
      }
    }
  }

  /** Whether {@code name} occurs in {@code text} as a maximal run of word characters. */
  private static boolean occursAsWord(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int end = at + name.length();
      if ((at == 0 || !isWordChar(text.charAt(at - 1)))
          && (end == text.length() || !isWordChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  static boolean isWord(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isWordChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * A cheap test that {@link #documentation} and {@link #mayHoldExamples} pass: the snapshot's
   * documentation ({@link SourceFile#isDocumentation()}: under docs/ or named readme*, in any
   * case), or a name as long as an .env sample's (lower casing keeps an ASCII name's length).
   * Cutting and lower-casing every path's name costs more.
   */
  private static boolean mayBeDocumentation(SourceFile file) {
    String path = file.path();
    int nameLength = path.length() - (path.lastIndexOf('/') + 1);
    return file.isDocumentation()
        || (nameLength >= SHORTEST_SAMPLE && nameLength <= LONGEST_SAMPLE);
  }

  /** A README, anything under {@code docs/} or an {@code .env} sample: where PY-CFG-004 looks. */
  static boolean documentation(SourceFile file) {
    if (file.binary() || !file.contentReadable()) {
      return false;
    }
    String path = file.path();
    String name = file.name().toLowerCase(Locale.ROOT);
    return name.startsWith("readme") || path.startsWith("docs/") || ENV_SAMPLES.contains(name);
  }

  /** A README* at the root or a Markdown, text or suffix-less file under {@code docs/}. */
  private static boolean mayHoldExamples(SourceFile file) {
    String lower = file.path().toLowerCase(Locale.ROOT);
    String name = file.name().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String suffix = dot < 0 ? "" : name.substring(dot);
    boolean readme = !lower.contains("/") && name.startsWith("readme");
    return !file.binary()
        && (readme || lower.startsWith("docs/"))
        && EXAMPLE_SUFFIXES.contains(suffix);
  }
}
