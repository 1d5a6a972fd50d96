package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PY-SEC-046 needs to know across modules: which settings allow every origin by default
 * ({@code CORS_ORIGINS: list[str] = ["*"]} in a settings class, read as {@code
 * settings.CORS_ORIGINS}), and which names hold a flask-cors extension made in the app-factory form
 * ({@code cors = CORS()}, set up later by {@code cors.init_app(app, ...)}).
 */
final class CorsOrigins {

  static final Set<String> FLASK_CORS = Set.of("flask_cors.CORS", "flask_cors.extension.CORS");
  private static final String ANY = "*";
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\b[A-Za-z_][\\w.]*\\.([A-Za-z_]\\w*)\\b(?!\\s*\\()");

  /** Attribute names given a literal holding "*" anywhere in product code. */
  private final Set<String> openAttributes;

  /** The flask-cors constructor call behind each name bound to one without an app. */
  private final Map<String, Call> factories;

  private CorsOrigins(Set<String> openAttributes, Map<String, Call> factories) {
    this.openAttributes = openAttributes;
    this.factories = factories;
  }

  static CorsOrigins of(List<PythonModule> modules) {
    Set<String> open = new HashSet<>();
    Map<String, Call> factories = new HashMap<>();
    for (PythonModule module : modules) {
      for (Assignment assignment : module.assignments()) {
        if (assignment.value().containsString(ANY)) {
          open.add(assignment.name());
        }
      }
      // A binding to flask-cors's CORS spells CORS in the call or in its import.
      if (!module.mentions("CORS")) {
        continue;
      }
      for (Binding binding : module.bindings()) {
        if (FLASK_CORS.contains(binding.callee())) {
          constructor(module, binding.line())
              .filter(CorsOrigins::isFactory)
              .ifPresent(call -> factories.putIfAbsent(lastPart(binding.name()), call));
        }
      }
    }
    return new CorsOrigins(open, factories);
  }

  /** {@code CORS()} without an app: the extension is set up later by {@code init_app}. */
  static boolean isFactory(Call call) {
    return call.positional().isEmpty() && !call.hasKeyword("app");
  }

  /**
   * The constructor behind {@code X.init_app(...)} when X holds a flask-cors extension, whatever
   * module made it.
   */
  Optional<Call> factoryOf(Call initApp) {
    if (!initApp.name().equals("init_app") || initApp.writtenReceiver().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(factories.get(lastPart(initApp.writtenReceiver())));
  }

  /**
   * Whether {@code value}, in {@code module}, allows every origin: "*" itself, or a name whose
   * literal value (a module constant, or a settings attribute anywhere in product code) holds "*".
   */
  boolean allowsAny(PyValue value, PythonModule module) {
    if (value.containsString(ANY)) {
      return true;
    }
    if (value instanceof PyValue.Name name) {
      return name.dotted().contains(".")
          ? openAttributes.contains(lastPart(name.dotted()))
          : module.assignments().stream()
              .anyMatch(a -> a.target().equals(name.dotted()) && a.value().containsString(ANY));
    }
    if (value instanceof PyValue.Seq seq) {
      return seq.items().stream().anyMatch(item -> allowsAny(item, module));
    }
    if (value instanceof PyValue.Expr expr) {
      // [str(o) for o in settings.CORS_ORIGINS], settings.CORS_ORIGINS.split(",")
      Matcher attribute = ATTRIBUTE.matcher(expr.text());
      while (attribute.find()) {
        if (openAttributes.contains(attribute.group(1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<Call> constructor(PythonModule module, int line) {
    return module.calls().stream()
        .filter(call -> call.line() == line && FLASK_CORS.contains(call.callee()))
        .findFirst();
  }

  private static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }
}
