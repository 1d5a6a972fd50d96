package dev.fleetcheck.core.facts.pysource;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's Python code: {@code .py} files outside test code and outside the folders that never
 * describe the product ({@code examples/}, {@code docs/}, {@code scripts/}, {@code release/},
 * {@code benchmark(s)/}), with the modules they import and a search over their text with comments
 * removed. Enough for "is this library used, is this marker present" checks; calls that need the
 * token stream belong to the tokenizer.
 */
public final class PythonSources {

  public static final Fact<PythonSources> FACT = Fact.of("python.sources", PythonSources::read);

  private static final Set<String> NON_PRODUCT_FOLDERS =
      Set.of("examples", "example", "docs", "doc", "scripts", "release", "benchmark", "benchmarks");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)", Pattern.MULTILINE);
  private static final Pattern FROM_IMPORT =
      Pattern.compile("^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import\\b", Pattern.MULTILINE);

  private final Facts facts;
  private final List<String> paths;
  private final Map<String, Evidence> imports;

  private PythonSources(Facts facts, List<String> paths, Map<String, Evidence> imports) {
    this.facts = facts;
    this.paths = List.copyOf(paths);
    this.imports = imports;
  }

  private static PythonSources read(Facts facts) {
    List<String> paths = new ArrayList<>();
    Map<String, Evidence> imports = new LinkedHashMap<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (!file.isPython() || file.testCode() || !isProductPath(file.path())) {
        continue;
      }
      paths.add(file.path());
      facts
          .snapshot()
          .readText(file.path())
          .map(PythonSources::withoutComments)
          .ifPresent(code -> collectImports(file.path(), code, imports));
    }
    return new PythonSources(facts, paths, imports);
  }

  /** Whether a path lies outside the folders that never describe the product. */
  public static boolean isProductPath(String path) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (NON_PRODUCT_FOLDERS.contains(parts[i])) {
        return false;
      }
    }
    return true;
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
    for (String path : paths) {
      Optional<String> code = code(path);
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

  /** A file's code with comments blanked out (lines and offsets kept). */
  public Optional<String> code(String path) {
    return facts.snapshot().readText(path).map(PythonSources::withoutComments);
  }

  private static void collectImports(String path, String code, Map<String, Evidence> imports) {
    Matcher plain = IMPORT.matcher(code);
    while (plain.find()) {
      for (String module : plain.group(1).split(",")) {
        record(path, code, module.strip(), plain.start(1), imports);
      }
    }
    Matcher from = FROM_IMPORT.matcher(code);
    while (from.find()) {
      record(path, code, from.group(1), from.start(1), imports);
    }
  }

  private static void record(
      String path, String code, String module, int offset, Map<String, Evidence> imports) {
    if (!module.isEmpty() && !module.startsWith(".")) {
      imports.putIfAbsent(
          module, Evidence.at(path, TextLines.lineAt(code, offset), "imports " + module));
    }
  }

  /**
   * Blanks {@code #} comments to the end of their line, leaving strings (single, double, triple
   * quoted, with escapes) untouched, so that commented-out code never counts.
   */
  static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int end = endOfString(text, i);
        out.append(text, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
    int i = start + (triple ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (!triple && c == '\n') {
        return i;
      }
      if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
        return i + (triple ? 3 : 1);
      }
      i++;
    }
    return text.length();
  }
}
