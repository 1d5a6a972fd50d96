package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ClassDef;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-048: no committed switch sends stack traces to clients. Findings in product code outside
 * modules named for development, local use or tests: {@code DEBUG = True} at module level of a
 * settings module or in a config class not named Dev/Local/Test/Debug; {@code DEBUG} read from the
 * environment with a truthy default; Flask {@code app.debug = True}, {@code app.config["DEBUG"] =
 * True}, {@code config.update(DEBUG=True)}; {@code FastAPI(debug=True)}/{@code
 * Starlette(debug=True)}; werkzeug's {@code DebuggedApplication}. Narrowed (docs/rules.md): {@code
 * app.run(debug=True)}, container environment switches and tracebacks in response bodies are not
 * judged here.
 */
public final class DebugSwitches implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-048",
              Set.of(Profile.API, Profile.LAMBDA),
              "Keep debug modes off in committed settings: DEBUG = False (or from the environment"
                  + " with a false default), no FastAPI(debug=True), no werkzeug DebuggedApplication;"
                  + " enable them only in dev/local/test settings.")
          .defined(
              "PASS when no debug switch on in committed settings outside modules "
                  + "named dev/local/test/debug: module-level `DEBUG = True` in a settings "
                  + "module, `DEBUG = True` in a config class not named "
                  + "Dev/Local/Test/Debug, `DEBUG` from the environment with a truthy "
                  + "default, Flask `app.debug = True` (not on a name bound in the module to "
                  + "another class's constructor, such as a WSGI dispatcher)/`app.config[\"DEBUG\"] = "
                  + "True`/`config.update(DEBUG=True)`, "
                  + "`FastAPI(debug=True)`/`Starlette(debug=True)`, werkzeug "
                  + "`DebuggedApplication`. Not judged yet: `app.run(debug=True)` in the "
                  + "production entry, `FLASK_DEBUG` in container files, tracebacks in "
                  + "response bodies (family F2, PY-ERR-012) (narrowed from RULES-NEXT).",
              Effort.LOW);

  private static final Pattern DEV_NAME =
      Pattern.compile(
          "(?i)(^|[^a-z])(dev|develop|development|local|test|tests|testing|debug)([^a-z]|$)");
  private static final Pattern DEV_CLASS = Pattern.compile("(Dev|Local|Test|Debug)");
  private static final Pattern ENV_DEBUG = Pattern.compile("(?:[A-Z]+_)?DEBUG");
  private static final Set<String> ENV_LOOKUPS =
      Set.of("os.environ.get", "os.getenv", "environ.get");
  private static final Set<String> TRUTHY = Set.of("true", "1", "yes", "on", "t", "y");
  private static final Set<String> DEBUG_APPS =
      Set.of("fastapi.FastAPI", "starlette.applications.Starlette", "starlette.Starlette");

  /**
   * The name every call {@link #problem} reports has: the last part of DEBUG_APPS, getenv,
   * DebuggedApplication, update, and bool of {@code env.bool}; or {@code get} where the module
   * spells {@code environ} ({@code os.environ.get}, {@code environ.get}). A module whose code
   * spells none of them makes no such call.
   */
  private static final Set<String> PROBLEM_NAMES =
      Set.of("FastAPI", "Starlette", "DebuggedApplication", "update", "getenv", "bool");

  private final RepoSnapshot snapshot;

  public DebugSwitches() {
    this(null);
  }

  private DebugSwitches(RepoSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings =
        ModuleFindings.findings(modules, new DebugSwitches(context.snapshot()));
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            "no debug switch is on in committed settings (" + modules.size() + " files checked)"));
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    if (mayNameDev(module.path()) && DEV_NAME.matcher(module.path()).find()) {
      return findings;
    }
    List<String> lines = null;
    for (Assignment assignment : module.assignments()) {
      boolean debug = assignment.target().equals("DEBUG");
      if (!(debug || assignment.target().endsWith(".debug")) || !isTrue(assignment.value())) {
        continue;
      }
      if (debug) {
        if (lines == null) {
          lines = lines(module);
        }
        Optional<String> owner = enclosingClass(lines, assignment.line());
        boolean topLevel =
            assignment.line() <= lines.size() && indentOf(lines.get(assignment.line() - 1)) == 0;
        boolean settings = topLevel && module.path().toLowerCase(Locale.ROOT).contains("settings");
        boolean configClass = owner.isPresent() && !DEV_CLASS.matcher(owner.get()).find();
        if (settings || configClass) {
          findings.add(
              Evidence.at(
                  module.path(),
                  assignment.line(),
                  "DEBUG = True in committed "
                      + (settings ? "settings" : "config class " + owner.get())
                      + ": clients get stack traces"));
        }
      } else if (!notAFlaskApp(module, assignment)) {
        findings.add(
            Evidence.at(
                module.path(),
                assignment.line(),
                assignment.target() + " = True: the debugger answers clients"));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("DEBUG") && isTrue(pair.value())) {
        if (lines == null) {
          lines = lines(module);
        }
        if (pair.line() <= lines.size() && lines.get(pair.line() - 1).contains("config[")) {
          findings.add(
              Evidence.at(
                  module.path(),
                  pair.line(),
                  "config[\"DEBUG\"] = True: clients get stack traces"));
        }
      }
    }
    boolean environ = module.mentions("environ");
    if (!environ && !module.mentionsAny(PROBLEM_NAMES)) {
      return findings;
    }
    for (Call call : module.calls()) {
      String name = call.name();
      if (PROBLEM_NAMES.contains(name) || (environ && name.equals("get"))) {
        problem(call).ifPresent(p -> findings.add(Evidence.at(module.path(), call.line(), p)));
      }
    }
    return findings;
  }

  /**
   * Whether the path holds one of the words every {@code DEV_NAME} match holds (dev, local, test,
   * debug; lower-casing maps only ASCII letters onto them), so the expression runs on few paths.
   */
  private static boolean mayNameDev(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.contains("dev")
        || lower.contains("local")
        || lower.contains("test")
        || lower.contains("debug");
  }

  private static Optional<String> problem(Call call) {
    String callee = call.callee();
    if (DEBUG_APPS.contains(callee)
        && call.keyword("debug").filter(DebugSwitches::isTrue).isPresent()) {
      return Optional.of(call.written() + "(debug=True) sends tracebacks to clients");
    }
    if (call.name().equals("DebuggedApplication") && callee.startsWith("werkzeug")) {
      return Optional.of("werkzeug DebuggedApplication: the interactive debugger is exposed");
    }
    if (call.name().equals("update")
        && call.writtenReceiver().endsWith("config")
        && call.keyword("DEBUG").filter(DebugSwitches::isTrue).isPresent()) {
      return Optional.of(call.written() + "(DEBUG=True): clients get stack traces");
    }
    if (ENV_LOOKUPS.contains(callee) || callee.endsWith("env.bool")) {
      return truthyEnvDefault(call);
    }
    return Optional.empty();
  }

  /** {@code os.environ.get("DEBUG", "True")}, {@code env.bool("DEBUG", default=True)}. */
  private static Optional<String> truthyEnvDefault(Call call) {
    if (call.positional().isEmpty()
        || !(call.positional().get(0) instanceof PyValue.Str name)
        || !ENV_DEBUG.matcher(name.value()).matches()) {
      return Optional.empty();
    }
    Optional<PyValue> fallback =
        call.keyword("default")
            .or(
                () ->
                    call.positional().size() > 1
                        ? Optional.of(call.positional().get(1))
                        : Optional.empty());
    if (fallback.isPresent() && isTrue(fallback.get())) {
      return Optional.of(
          name.value() + " is on unless the environment turns it off (truthy default)");
    }
    return Optional.empty();
  }

  /**
   * Whether the receiver of {@code x.debug = True} is bound in this module, before the assignment,
   * to the constructor of a class other than Flask's: a plain WSGI dispatcher (moto's {@code
   * DomainDispatcherApplication}) has no debugger for the attribute to switch on. A class named
   * *Flask* (Quart too), or defined in this module with such a base, is a Flask app.
   */
  private boolean notAFlaskApp(PythonModule module, Assignment assignment) {
    String target = assignment.target();
    String receiver = target.substring(0, target.length() - ".debug".length());
    String callee = null;
    for (Binding binding : module.bindings()) {
      if (binding.name().equals(receiver) && binding.line() <= assignment.line()) {
        callee = binding.callee();
      }
    }
    if (callee == null) {
      return false;
    }
    String last = callee.substring(callee.lastIndexOf('.') + 1);
    if (last.isEmpty() || !Character.isUpperCase(last.charAt(0)) || flaskLike(last)) {
      return false;
    }
    for (ClassDef type : module.classes()) {
      if (type.name().equals(last)) {
        List<String> lines = lines(module);
        return type.line() > lines.size() || !flaskLike(lines.get(type.line() - 1));
      }
    }
    return true;
  }

  private static boolean flaskLike(String text) {
    return text.contains("Flask") || text.contains("Quart");
  }

  private static boolean isTrue(PyValue value) {
    if (value instanceof PyValue.Bool bool) {
      return bool.value();
    }
    return value instanceof PyValue.Str str
        && TRUTHY.contains(str.value().trim().toLowerCase(Locale.ROOT));
  }

  private List<String> lines(PythonModule module) {
    return snapshot == null
        ? List.of()
        : snapshot.readText(module.path()).map(TextLines::of).orElse(List.of());
  }

  /**
   * The class whose body holds the (indented) line, by indentation; empty at module level or inside
   * a function.
   */
  static Optional<String> enclosingClass(List<String> lines, int line) {
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    int indent = indentOf(lines.get(line - 1));
    for (int i = line - 2; i >= 0 && indent > 0; i--) {
      String text = lines.get(i);
      if (text.isBlank() || text.trim().startsWith("#")) {
        continue;
      }
      int own = indentOf(text);
      if (own < indent) {
        String trimmed = text.trim();
        if (trimmed.startsWith("class ")) {
          String rest = trimmed.substring("class ".length());
          return Optional.of(rest.split("[(:\\s]", 2)[0]);
        }
        if (trimmed.startsWith("def ") || trimmed.startsWith("async def ")) {
          return Optional.empty();
        }
        indent = own;
      }
    }
    return Optional.empty();
  }

  private static int indentOf(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
