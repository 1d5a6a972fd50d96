package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shared detector (RULES-NEXT family F11): where product code reads a request header, query
 * parameter or cookie by a literal name. Subscripts and {@code .get(...)} on {@code
 * request.headers}, {@code request.META}, {@code request.args}/{@code GET}/{@code query_params},
 * {@code request.cookies}/{@code COOKIES}, a local named {@code headers}, and Lambda proxy events
 * ({@code event["headers"]}, {@code event.get("queryStringParameters", {})}); FastAPI {@code
 * Header()}, {@code Query()} and {@code Cookie()} parameters (the alias, else the parameter name,
 * underscores as hyphens for headers). Nothing inside a string or a comment counts.
 */
public final class RequestReads {

  /** Where a value comes from. */
  public enum Source {
    HEADER,
    QUERY,
    COOKIE
  }

  /** One read of {@code key} from {@code source}. */
  public record Read(String path, Source source, String key, int line) {

    /** The key lower-cased, {@code HTTP_X_TENANT_ID} of Django's META as {@code x-tenant-id}. */
    public String normalisedKey() {
      String k = key.toLowerCase(Locale.ROOT);
      return k.startsWith("http_") ? k.substring(5).replace('_', '-') : k;
    }

    /** A read of the {@code Authorization} header, where bearer credentials travel. */
    public boolean authorization() {
      return source == Source.HEADER && normalisedKey().equals("authorization");
    }
  }

  public static final Fact<RequestReads> FACT =
      Fact.of("request-reads", facts -> new RequestReads(PythonCodebase.of(facts)));

  private static final Map<String, Source> ATTRIBUTES =
      Map.of(
          "headers", Source.HEADER,
          "META", Source.HEADER,
          "args", Source.QUERY,
          "GET", Source.QUERY,
          "query_params", Source.QUERY,
          "cookies", Source.COOKIE,
          "COOKIES", Source.COOKIE);
  private static final Map<String, Source> EVENT_KEYS =
      Map.of(
          "headers", Source.HEADER,
          "multiValueHeaders", Source.HEADER,
          "queryStringParameters", Source.QUERY,
          "multiValueQueryStringParameters", Source.QUERY);
  private static final int LONGEST_EVENT_KEY =
      EVENT_KEYS.keySet().stream().mapToInt(String::length).max().orElse(0);
  private static final Map<String, Source> FASTAPI_PARAMS =
      Map.of("Header", Source.HEADER, "Query", Source.QUERY, "Cookie", Source.COOKIE);
  private static final List<String> FASTAPI_PARAM_NAMES = List.of("Header", "Query", "Cookie");
  private static final Set<String> GETTERS = Set.of("get", "getlist", "getall", "getone");

  /** Text one of the reads needs; a file without any is not tokenized again. */
  private static final List<String> HINTS =
      List.of(
          ".headers",
          "headers[",
          "headers.get",
          "\"headers\"",
          "'headers'",
          "Headers",
          ".META",
          ".args",
          ".GET",
          ".query_params",
          ".cookies",
          ".COOKIES",
          "StringParameters");

  private final List<Read> reads;

  private RequestReads(PythonCodebase codebase) {
    List<Read> list = new ArrayList<>();
    for (PythonModule module : codebase.productModules()) {
      list.addAll(fastApiParameters(module));
      codebase
          .text(module.path())
          .filter(RequestReads::mayRead)
          .flatMap(text -> codebase.tokens(module.path()))
          .ifPresent(tokens -> list.addAll(reads(module.path(), tokens)));
    }
    this.reads = List.copyOf(list);
  }

  /** A file can read a request only if it names one of the request attributes or event keys. */
  private static boolean mayRead(String text) {
    for (String hint : HINTS) {
      if (text.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  /** Every read in product code, in path and line order. */
  public List<Read> all() {
    return reads;
  }

  /** Reads in the module at {@code path}. */
  public List<Read> in(String path) {
    return reads.stream().filter(r -> r.path().equals(path)).toList();
  }

  private static List<Read> fastApiParameters(PythonModule module) {
    // Header(), Query() or Cookie(): the name is spelled in the call or in its import.
    if (!module.mentionsAny(FASTAPI_PARAM_NAMES)) {
      return List.of();
    }
    List<Read> list = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.parameter().isEmpty() || !call.callee().startsWith("fastapi.")) {
        continue;
      }
      Source source = FASTAPI_PARAMS.get(call.name());
      if (source == null) {
        continue;
      }
      String key =
          call.keyword("alias")
              .filter(v -> v instanceof PyValue.Str)
              .map(v -> ((PyValue.Str) v).value())
              .orElse(
                  source == Source.HEADER ? call.parameter().replace('_', '-') : call.parameter());
      list.add(new Read(module.path(), source, key, call.line()));
    }
    return list;
  }

  /** Subscript and getter reads in one token stream. */
  static List<Read> reads(String path, Tokens t) {
    List<Read> list = new ArrayList<>();
    for (int i = 1; i < t.size(); i++) {
      int keyAt;
      int receiverEnd;
      if (t.isOp(i, '[')) {
        keyAt = t.skipTrivia(i + 1);
        if (!t.isOp(t.skipTrivia(keyAt + 1), ']')) {
          continue;
        }
        receiverEnd = t.skipTriviaBack(i - 1);
      } else if (t.isName(i)
          && isGetter(t, i)
          && t.isOp(t.skipTriviaBack(i - 1), '.')
          && t.isOp(t.skipTrivia(i + 1), '(')) {
        keyAt = t.skipTrivia(t.skipTrivia(i + 1) + 1);
        receiverEnd = t.skipTriviaBack(t.skipTriviaBack(i - 1) - 1);
      } else {
        continue;
      }
      if (!t.isKind(keyAt, TokenKind.STRING)) {
        continue;
      }
      Source source = sourceOf(t, receiverEnd);
      if (source == null) {
        continue;
      }
      String key = t.stringValue(keyAt);
      if (key != null && !key.isEmpty()) {
        list.add(new Read(path, source, key, t.line(keyAt)));
      }
    }
    return list;
  }

  /** Whether name token {@code i} is one of {@link #GETTERS}, compared in place. */
  private static boolean isGetter(Tokens t, int i) {
    if (t.source().charAt(t.start(i)) != 'g') {
      return false;
    }
    for (String getter : GETTERS) {
      if (t.is(i, getter)) {
        return true;
      }
    }
    return false;
  }

  /** What the expression ending at token {@code end} stands for, or null. */
  private static Source sourceOf(Tokens t, int end) {
    if (end < 0) {
      return null;
    }
    if (t.isName(end)) {
      // Compared in place: a subscript with a literal key is common, a request attribute rare.
      boolean attribute = t.isOp(t.skipTriviaBack(end - 1), '.');
      if (attribute) {
        for (Map.Entry<String, Source> known : ATTRIBUTES.entrySet()) {
          if (t.is(end, known.getKey())) {
            return known.getValue();
          }
        }
        return null;
      }
      return t.is(end, "headers") ? Source.HEADER : null;
    }
    int open = t.match(end);
    if (open < 0) {
      return null;
    }
    int inner = t.skipTrivia(open + 1);
    if (!t.isKind(inner, TokenKind.STRING)) {
      return null;
    }
    String key = t.stringValue(inner);
    if (key == null || key.length() > LONGEST_EVENT_KEY) {
      return null;
    }
    if (t.isOp(end, ']') && t.skipTrivia(inner + 1) == end) {
      return EVENT_KEYS.get(key);
    }
    if (t.isOp(end, ')')) {
      int getter = t.skipTriviaBack(open - 1);
      if (t.is(getter, "get") && t.isOp(t.skipTriviaBack(getter - 1), '.')) {
        return EVENT_KEYS.get(key);
      }
    }
    return null;
  }
}
