package dev.fleetcheck.core.facts.pysource;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's Python code: {@code .py} files that may decide a profile ({@link ProfileScope}: not
 * test code, not the top-level {@code examples/}, {@code docs/}, {@code scripts/}, {@code
 * release/}, {@code benchmark(s)/} folders), with the modules they import and a search over their
 * text with comments removed. Enough for "is this library used, is this marker present" checks;
 * calls that need the token stream belong to the tokenizer.
 */
public final class PythonSources {

  public static final Fact<PythonSources> FACT = Fact.of("python.sources", PythonSources::read);

  private static final Pattern IMPORT =
      Pattern.compile(
          "^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)", Pattern.MULTILINE);
  private static final Pattern FROM_IMPORT =
      Pattern.compile("^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import\\b", Pattern.MULTILINE);

  /**
   * Code (comments blanked) kept in memory for the searches, in bytes as the JVM stores it; the
   * files past it are read and blanked again on each search.
   */
  static final long CODE_BUDGET_BYTES = 32L * 1024 * 1024;

  private final Facts facts;
  private final List<String> paths;
  private final Map<String, Evidence> imports;
  private final Map<String, String> keptCode;

  private PythonSources(
      Facts facts, List<String> paths, Map<String, Evidence> imports, Map<String, String> code) {
    this.facts = facts;
    this.paths = List.copyOf(paths);
    this.imports = imports;
    this.keptCode = code;
  }

  /**
   * One product file's code and the imports it makes: each module's first import, by offset (made
   * into a line only for the modules no earlier file imports, so most files never index lines).
   */
  private record FileCode(
      String path, String code, Map<String, Integer> imports, long storedBytes) {}

  private static PythonSources read(Facts facts) {
    RepoSnapshot snapshot = facts.snapshot();
    ProfileScope scope = facts.get(ProfileScope.FACT);
    List<SourceFile> product =
        snapshot.files().stream().filter(file -> file.isPython() && scope.decides(file)).toList();
    List<String> paths = product.stream().map(SourceFile::path).toList();
    // Files are read and blanked in parallel; their imports are merged in path order, so the
    // first import of a module is the same as in a pass over the files one by one.
    List<FileCode> files =
        product.parallelStream()
            .map(file -> snapshot.readText(file.path()).map(text -> fileCode(file, text)))
            .flatMap(Optional::stream)
            .toList();
    Map<String, Evidence> imports = new LinkedHashMap<>();
    Map<String, String> kept = new HashMap<>();
    long keptBytes = 0;
    for (FileCode file : files) {
      LineIndex lines = null;
      for (Map.Entry<String, Integer> imported : file.imports().entrySet()) {
        String module = imported.getKey();
        if (!imports.containsKey(module)) {
          lines = lines == null ? LineIndex.of(file.code()) : lines;
          int line = lines.lineAt(imported.getValue());
          imports.put(module, Evidence.at(file.path(), line, "imports " + module));
        }
      }
      if (keptBytes + file.storedBytes() <= CODE_BUDGET_BYTES) {
        kept.put(file.path(), file.code());
        keptBytes += file.storedBytes();
      }
    }
    return new PythonSources(facts, paths, imports, kept);
  }

  private static FileCode fileCode(SourceFile file, String text) {
    String code = withoutComments(text);
    Map<String, Integer> imports = new LinkedHashMap<>();
    collectImports(code, imports);
    return new FileCode(file.path(), code, imports, storedBytes(code, file.size()));
  }

  /**
   * A file's code in memory, from its size on disk rather than a pass over its characters: one byte
   * a character when every byte decoded to one character (plain ASCII; a file of undecodable bytes,
   * each replaced by U+FFFD, is undercounted), else two (as if a character past Latin-1 were
   * there). The budget bounds memory; no result depends on it.
   */
  private static long storedBytes(String code, long sizeOnDisk) {
    return code.length() == sizeOnDisk ? code.length() : 2L * code.length();
  }

  public List<String> paths() {
    return paths;
  }

  /** Where {@code module} (or a submodule of it) is first imported. */
  public Optional<Evidence> imports(String module) {
    for (Map.Entry<String, Evidence> entry : imports.entrySet()) {
      String imported = entry.getKey();
      if (imported.equals(module) || imported.startsWith(module + ".")) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The first place {@code pattern} matches the code (comments removed), file by file. */
  public Optional<Evidence> find(Pattern pattern, String message) {
    return find("", pattern, message);
  }

  /**
   * As {@link #find(Pattern, String)} for a pattern whose every match contains {@code literal}: the
   * regular expression runs only on files whose code holds the literal, found by a plain {@code
   * indexOf} that is many times faster than a regular expression's search.
   */
  public Optional<Evidence> find(String literal, Pattern pattern, String message) {
    for (String path : paths) {
      Optional<String> code = codeHolding(path, literal);
      if (code.isEmpty()) {
        continue;
      }
      Matcher m = pattern.matcher(code.get());
      if (m.find()) {
        return Optional.of(Evidence.at(path, TextLines.lineAt(code.get(), m.start()), message));
      }
    }
    return Optional.empty();
  }

  /**
   * The file's code when it holds {@code literal}. A file past the budget is read again, and its
   * comments are blanked only when its text holds the literal: blanking removes text, never adds
   * it, so a text without the literal has code without it.
   */
  private Optional<String> codeHolding(String path, String literal) {
    String kept = keptCode.get(path);
    if (kept != null) {
      return kept.contains(literal) ? Optional.of(kept) : Optional.empty();
    }
    return facts
        .snapshot()
        .readText(path)
        .filter(text -> text.contains(literal))
        .map(PythonSources::withoutComments)
        .filter(code -> code.contains(literal));
  }

  /** A file's code with comments blanked out (lines and offsets kept). */
  public Optional<String> code(String path) {
    String kept = keptCode.get(path);
    if (kept != null) {
      return Optional.of(kept);
    }
    return facts.snapshot().readText(path).map(PythonSources::withoutComments);
  }

  /** Each module's first import in {@code code}, by the offset of its name. */
  static void collectImports(String code, Map<String, Integer> imports) {
    Matcher plain = IMPORT.matcher(code);
    for (int at = nextStatement(plain, code, "import", 0);
        at >= 0;
        at = nextStatement(plain, code, "import", at)) {
      for (String module : plain.group(1).split(",")) {
        record(module.strip(), plain.start(1), imports);
      }
    }
    Matcher from = FROM_IMPORT.matcher(code);
    for (int at = nextStatement(from, code, "from", 0);
        at >= 0;
        at = nextStatement(from, code, "from", at)) {
      record(from.group(1), from.start(1), imports);
    }
  }

  /**
   * What {@code matcher.find()} finds next for a pattern {@code ^[ \t]*keyword...} in multi-line
   * mode, searching from {@code from}: instead of trying the pattern at every offset, only where
   * {@code keyword} occurs after blanks at a line start. Leaves {@code matcher} on the match and
   * returns where to search on, or -1 when there is no further match.
   */
  private static int nextStatement(Matcher matcher, String code, String keyword, int from) {
    for (int at = code.indexOf(keyword, from); at >= 0; at = code.indexOf(keyword, at + 1)) {
      int start = at;
      while (start > from && (code.charAt(start - 1) == ' ' || code.charAt(start - 1) == '\t')) {
        start--;
      }
      if (isLineStart(code, start)) {
        matcher.region(start, code.length());
        if (matcher.lookingAt()) {
          return matcher.end();
        }
      }
    }
    return -1;
  }

  /** Where {@code ^} matches in multi-line mode: after any line terminator, not inside CRLF. */
  private static boolean isLineStart(String code, int at) {
    if (at == 0) {
      return true;
    }
    char before = code.charAt(at - 1);
    return before == '\n'
        || (before == '\r' && code.charAt(at) != '\n')
        || before == '\u0085'
        || before == '\u2028'
        || before == '\u2029';
  }

  private static void record(String module, int offset, Map<String, Integer> imports) {
    if (!module.isEmpty() && !module.startsWith(".")) {
      imports.putIfAbsent(module, offset);
    }
  }

  /**
   * Blanks {@code #} comments to the end of their line, leaving strings (single, double, triple
   * quoted, with escapes) untouched, so that commented-out code never counts. Text without a
   * comment is returned as it is.
   */
  static String withoutComments(String text) {
    char[] chars = text.toCharArray();
    boolean blanked = false;
    int length = chars.length;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      if (c == '#') {
        while (i < length && chars[i] != '\n') {
          chars[i++] = ' ';
        }
        blanked = true;
      } else if (c == '"' || c == '\'') {
        i = endOfString(chars, i);
      } else {
        i++;
      }
    }
    return blanked ? new String(chars) : text;
  }

  private static int endOfString(char[] text, int start) {
    char quote = text[start];
    boolean triple = isTripleQuote(text, start, quote);
    int i = start + (triple ? 3 : 1);
    while (i < text.length) {
      char c = text[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (!triple && c == '\n') {
        return i;
      }
      if (c == quote && (!triple || isTripleQuote(text, i, quote))) {
        return i + (triple ? 3 : 1);
      }
      i++;
    }
    return text.length;
  }

  private static boolean isTripleQuote(char[] text, int at, char quote) {
    return at + 2 < text.length
        && text[at] == quote
        && text[at + 1] == quote
        && text[at + 2] == quote;
  }
}
