package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the error-body field names of RULES-NEXT.md's F16 first occur in product code, as a name
 * (key, keyword, field, attribute) or a string literal, and in a committed OpenAPI document. A
 * field named only in a comment or inside a longer string does not count. Files are tokenized again
 * only when their text holds one of the names.
 */
public final class ErrorBodyFields {

  /** The stable error code field. */
  public static final List<String> ERROR_CODE = List.of("error_code", "errorCode");

  /** The correlation id field. */
  public static final List<String> CORRELATION_ID = List.of("correlation_id", "correlationId");

  private static final List<String> NAMES =
      List.of("error_code", "errorCode", "correlation_id", "correlationId");

  /** The lengths of {@link #NAMES}: a name token of another length is none of them. */
  private static final BitSet NAME_LENGTHS = new BitSet();

  static {
    NAMES.forEach(name -> NAME_LENGTHS.set(name.length()));
  }

  public static final Fact<ErrorBodyFields> FACT =
      Fact.of("error-body-fields", ErrorBodyFields::find);

  private final Map<String, Evidence> first;

  private ErrorBodyFields(Map<String, Evidence> first) {
    this.first = Map.copyOf(first);
  }

  /** Where any of {@code names} first occurs; empty when none does. */
  public Optional<Evidence> where(List<String> names) {
    return names.stream().map(first::get).filter(e -> e != null).findFirst();
  }

  private static ErrorBodyFields find(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    // Modules are independent: each scanned on any core, their first occurrences merged in module
    // order, so the first one kept is the same as in one pass.
    List<Map<String, Evidence>> perModule =
        codebase.productModules().parallelStream().map(m -> firstIn(codebase, m)).toList();
    Map<String, Evidence> first = new HashMap<>();
    for (Map<String, Evidence> found : perModule) {
      found.forEach(first::putIfAbsent);
    }
    for (SourceFile file : facts.snapshot().files()) {
      if (!mayNameOpenApi(file.path())) {
        continue;
      }
      String name = file.name().toLowerCase(Locale.ROOT);
      if ((name.startsWith("openapi") || name.startsWith("swagger"))
          && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"))
          && !file.testCode()) {
        String body = facts.snapshot().readText(file.path()).orElse("");
        for (String field : NAMES) {
          if (body.contains(field)) {
            first.putIfAbsent(field, Evidence.file(file.path(), "OpenAPI names " + field));
          }
        }
      }
    }
    return new ErrorBodyFields(first);
  }

  private static Map<String, Evidence> firstIn(PythonCodebase codebase, PythonModule module) {
    Map<String, Evidence> first = new HashMap<>();
    Optional<String> text = codebase.text(module.path());
    if (text.isEmpty() || NAMES.stream().noneMatch(text.get()::contains)) {
      return first;
    }
    codebase.tokens(module.path()).ifPresent(t -> scan(module.path(), t, first));
    return first;
  }

  /**
   * Whether the file name may start with "openapi" or "swagger" in any case: a cheap test without
   * cutting the name out of every path, ahead of the exact one.
   */
  private static boolean mayNameOpenApi(String path) {
    int start = path.lastIndexOf('/') + 1;
    return path.regionMatches(true, start, "openapi", 0, 7)
        || path.regionMatches(true, start, "swagger", 0, 7);
  }

  private static void scan(String path, Tokens t, Map<String, Evidence> first) {
    for (int i = 0; i < t.size(); i++) {
      String value;
      if (t.isKind(i, TokenKind.NAME)) {
        if (!NAME_LENGTHS.get(t.length(i))) {
          continue;
        }
        value = t.text(i);
      } else if (t.isKind(i, TokenKind.STRING)) {
        value = t.stringValue(i);
      } else {
        continue;
      }
      if (NAMES.contains(value)) {
        first.putIfAbsent(value, Evidence.at(path, t.line(i), "names " + value));
      }
    }
  }
}
