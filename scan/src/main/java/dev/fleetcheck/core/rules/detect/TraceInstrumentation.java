package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT family F17): how product code is instrumented for tracing. The
 * OpenTelemetry instrumentors and middleware it calls or calls methods of (by class name, first
 * call site: {@code FastAPIInstrumentor.instrument_app(app)} counts), the calls of the propagation
 * API, X-Ray patching ({@code patch_all()}, {@code patch([...])}, powertools {@code Tracer()}), and
 * auto-instrumentation outside Python: the {@code opentelemetry-instrument} launcher in a container
 * file, Procfile, compose file or template, or the ADOT Lambda layer / {@code
 * AWS_LAMBDA_EXEC_WRAPPER: /opt/otel-instrument}.
 */
public final class TraceInstrumentation {

  public static final Fact<TraceInstrumentation> FACT =
      Fact.of("trace-instrumentation", TraceInstrumentation::read);

  private static final Pattern LAUNCHER_FILE =
      Pattern.compile(
          "(?i)(dockerfile.*|.*\\.dockerfile|procfile|.*compose.*\\.ya?ml|template.*\\.(ya?ml|json)"
              + "|serverless\\.ya?ml|.*\\.template\\.ya?ml)");

  /** One of these is in the name of every file {@link #LAUNCHER_FILE} matches. */
  private static final List<String> LAUNCHER_WORDS =
      List.of("dockerfile", "procfile", "compose", "template", "serverless");

  private static final Pattern AUTO =
      Pattern.compile("opentelemetry-instrument\\b|/opt/otel-instrument\\b|aws-otel-python");

  private final Map<String, Site> called;
  private final List<String> xrayPatched;
  private final Optional<Evidence> xrayAll;
  private final Optional<Evidence> auto;

  private TraceInstrumentation(
      Map<String, Site> called,
      List<String> xrayPatched,
      Optional<Evidence> xrayAll,
      Optional<Evidence> auto) {
    this.called = called;
    this.xrayPatched = xrayPatched;
    this.xrayAll = xrayAll;
    this.auto = auto;
  }

  /** The first product-code call of a class or function named {@code name}, if any. */
  public Optional<Evidence> called(String name) {
    return Optional.ofNullable(called.get(name)).map(Site::evidence);
  }

  /**
   * The first call of a name; its evidence is made only when a check asks for that name, since
   * every distinct call name of the product code is kept.
   */
  private record Site(String path, Call call) {
    Evidence evidence() {
      return Evidence.at(path, call.line(), call.written() + "(...)");
    }
  }

  /** Auto-instrumentation started outside Python code. */
  public Optional<Evidence> auto() {
    return auto;
  }

  /** X-Ray patching of every supported library ({@code patch_all()}, powertools Tracer). */
  public Optional<Evidence> xrayPatchesAll() {
    return xrayAll;
  }

  /** The library names given to X-Ray's {@code patch([...])} or a Tracer's patch_modules. */
  public List<String> xrayPatched() {
    return xrayPatched;
  }

  private static TraceInstrumentation read(Facts facts) {
    Map<String, Site> called = new HashMap<>();
    List<String> patched = new ArrayList<>();
    Evidence all = null;
    for (PythonModule module : PythonCodebase.of(facts).productModules()) {
      for (Call call : module.calls()) {
        if (!called.containsKey(call.name())) {
          called.put(call.name(), site(module, call));
        }
        String callee = call.callee();
        if (callee.contains("Instrumentor") || callee.contains("Middleware")) {
          for (String part : callee.split("\\.")) {
            String name = part.endsWith("()") ? part.substring(0, part.length() - 2) : part;
            if (name.endsWith("Instrumentor") || name.endsWith("Middleware")) {
              called.putIfAbsent(name, site(module, call));
            }
          }
        }
        boolean xray = call.callee().startsWith("aws_xray_sdk");
        boolean tracer =
            call.name().equals("Tracer") && call.callee().startsWith("aws_lambda_powertools");
        if (xray && call.name().equals("patch_all") && all == null) {
          all = Evidence.at(module.path(), call.line(), "X-Ray patch_all()");
        } else if (xray && call.name().equals("patch") && !call.positional().isEmpty()) {
          patched.addAll(strings(call.positional().get(0)));
        } else if (tracer) {
          var modules = call.keyword("patch_modules");
          boolean off = call.keyword("auto_patch").filter(v -> v.isFalse()).isPresent();
          if (modules.isPresent() && !modules.get().isNone()) {
            patched.addAll(strings(modules.get()));
          } else if (!off && all == null) {
            all = Evidence.at(module.path(), call.line(), "powertools Tracer() patches clients");
          }
        }
      }
    }
    return new TraceInstrumentation(
        called, List.copyOf(patched), Optional.ofNullable(all), launcher(facts));
  }

  private static Site site(PythonModule module, Call call) {
    return new Site(module.path(), call);
  }

  private static List<String> strings(PyValue value) {
    List<String> list = new ArrayList<>();
    if (value instanceof PyValue.Seq seq) {
      for (var item : seq.items()) {
        if (item instanceof PyValue.Str s) {
          list.add(s.value().toLowerCase(Locale.ROOT));
        }
      }
    }
    return list;
  }

  /**
   * Whether the file name holds a word every {@link #LAUNCHER_FILE} alternative holds, ignoring
   * case: most files fail here, without a name string or a matcher.
   */
  static boolean mayBeLauncherFile(String path) {
    for (int i = path.lastIndexOf('/') + 1; i < path.length(); i++) {
      // c | 0x20 is a lower-case ASCII letter only for that letter in either case.
      char c = (char) (path.charAt(i) | 0x20);
      for (String word : LAUNCHER_WORDS) {
        if (word.charAt(0) == c && path.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<Evidence> launcher(Facts facts) {
    for (SourceFile file : facts.snapshot().files()) {
      if (file.testCode()
          || file.binary()
          || !mayBeLauncherFile(file.path())
          || !LAUNCHER_FILE.matcher(file.name()).matches()) {
        continue;
      }
      Optional<String> text = facts.snapshot().readText(file.path());
      if (text.isEmpty()) {
        continue;
      }
      var m = AUTO.matcher(text.get());
      if (m.find()) {
        int line =
            1 + (int) text.get().substring(0, m.start()).chars().filter(c -> c == '\n').count();
        return Optional.of(Evidence.at(file.path(), line, "auto-instrumentation: " + m.group()));
      }
    }
    return Optional.empty();
  }
}
