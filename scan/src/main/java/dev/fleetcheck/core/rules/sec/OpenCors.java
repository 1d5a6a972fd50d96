package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-046: CORS never allows every origin. In Python: {@code allow_origins=["*"]}
 * (CORSMiddleware and friends), Django's {@code CORS_ALLOW_ALL_ORIGINS}/{@code
 * CORS_ORIGIN_ALLOW_ALL = True}, flask-cors {@code CORS(...)} or {@code cross_origin} with {@code
 * origins="*"}, with no origins at all, or with {@code resources} whose origins are "*", a literal
 * {@code Access-Control-Allow-Origin: *} header, and Powertools' {@code CORSConfig} without {@code
 * allow_origin} (it defaults to "*"). Origins read from a settings attribute whose literal default
 * holds "*" are "*"; flask-cors's app-factory form is judged where {@code init_app} sets it up
 * ({@link CorsOrigins}). In SAM/CloudFormation templates: see {@link SamCors}.
 */
public final class OpenCors implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-046",
              Profile.API,
              "List the allowed origins explicitly (e.g. allow_origins=[\"https://app.example.com\"]);"
                  + " never '*', and never rely on a library default that means '*'.")
          .defined(
              "FAIL per CORS setting that allows every origin: "
                  + "`allow_origins=[\"*\"]` (CORSMiddleware), `CORS_ALLOW_ALL_ORIGINS = "
                  + "True`/`CORS_ORIGIN_ALLOW_ALL = True`, flask-cors with `origins=\"*\"` "
                  + "or no origins (the app-factory `init_app` form and origins from "
                  + "settings followed), an open SAM `Cors`; PASS otherwise; NOT_APPLICABLE "
                  + "with no product Python and no SAM template.",
              Effort.LOW);

  private static final Set<String> ALLOW_ALL_SETTINGS =
      Set.of("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL");
  private static final Set<String> CROSS_ORIGIN =
      Set.of("flask_cors.cross_origin", "flask_cors.decorator.cross_origin");

  /**
   * Every finding but the literal header's needs one of these names in the code: the setting
   * assigned, the keyword, the last part of the callee or decorator (spelled in the call or in the
   * import it was resolved through), {@code init_app}.
   */
  private static final Set<String> TRIGGERS =
      Set.of(
          "CORS_ALLOW_ALL_ORIGINS",
          "CORS_ORIGIN_ALLOW_ALL",
          "allow_origins",
          "CORS",
          "init_app",
          "cross_origin",
          "CORSConfig");

  private static final String ALLOW_ORIGIN_HEADER = "Access-Control-Allow-Origin";
  private static final String ANY = "*";

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).sourceModules();
    CorsOrigins origins = CorsOrigins.of(modules);
    List<Evidence> findings =
        new ArrayList<>(ModuleFindings.findings(modules, module -> findings(module, origins)));
    SamCors.Scan templates = SamCors.scan(context.facts());
    findings.addAll(templates.findings());
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    if (modules.isEmpty() && templates.checked() == 0) {
      return Outcome.notApplicable("no Python source outside test code and no SAM template");
    }
    return Outcome.pass(
        Evidence.repository(
            "no CORS configuration allows every origin ("
                + modules.size()
                + " Python files, "
                + templates.checked()
                + " templates checked)"));
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    return findings(module, CorsOrigins.of(List.of(module)));
  }

  private static List<Evidence> findings(PythonModule module, CorsOrigins origins) {
    List<Evidence> findings = new ArrayList<>();
    boolean named = module.mentionsAny(TRIGGERS);
    if (named) {
      for (Assignment assignment : module.assignments()) {
        if (ALLOW_ALL_SETTINGS.contains(assignment.name())
            && assignment.value() instanceof PyValue.Bool bool
            && bool.value()) {
          findings.add(at(module, assignment.line(), assignment.name() + " = True"));
        }
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().trim().equalsIgnoreCase(ALLOW_ORIGIN_HEADER)
          && pair.value().containsString(ANY)) {
        findings.add(at(module, pair.line(), "header Access-Control-Allow-Origin: * set in code"));
      }
    }
    if (!named) {
      return findings;
    }
    for (Decorator decorator : module.decorators()) {
      if (!decorator.called() && CROSS_ORIGIN.contains(decorator.name())) {
        findings.add(at(module, decorator.line(), "@cross_origin without origins allows '*'"));
      }
    }
    Judge judge = new Judge(module, origins);
    for (Call call : module.calls()) {
      String problem = judge.problem(call);
      if (problem != null) {
        findings.add(at(module, call.line(), problem));
      }
    }
    return findings;
  }

  /** Judges the calls of one module, names resolved through {@link CorsOrigins}. */
  private record Judge(PythonModule module, CorsOrigins origins) {

    private boolean any(PyValue value) {
      return origins.allowsAny(value, module);
    }

    String problem(Call call) {
      if (call.keyword("allow_origins").filter(this::any).isPresent()) {
        return call.written() + "(..., allow_origins=['*'])";
      }
      if (call.kwargsSplat()) {
        return null;
      }
      if (CorsOrigins.FLASK_CORS.contains(call.callee())) {
        return CorsOrigins.isFactory(call) && !call.keyword("origins").filter(this::any).isPresent()
            ? null
            : flaskCors(call, call.keywords(), "CORS(app)");
      }
      Optional<Call> factory = origins.factoryOf(call);
      if (factory.isPresent()) {
        Map<String, PyValue> options = new HashMap<>(factory.get().keywords());
        options.putAll(call.keywords());
        return factory.get().kwargsSplat()
            ? null
            : flaskCors(call, options, "CORS().init_app(app)");
      }
      if (CROSS_ORIGIN.contains(call.callee())) {
        Optional<PyValue> allowed = allowed(call);
        if (allowed.isEmpty()) {
          return "@cross_origin() without origins allows '*'";
        }
        return any(allowed.get()) ? "@cross_origin(origins='*')" : null;
      }
      if (call.callee().startsWith("aws_lambda_powertools.") && call.name().equals("CORSConfig")) {
        Optional<PyValue> origin =
            call.keyword("allow_origin").or(() -> call.positional().stream().findFirst());
        if (origin.isEmpty()) {
          return "CORSConfig() without allow_origin allows '*'";
        }
        return any(origin.get()) ? "CORSConfig(allow_origin='*')" : null;
      }
      return null;
    }

    private String flaskCors(Call call, Map<String, PyValue> options, String form) {
      Optional<PyValue> allowed = Optional.ofNullable(options.get("origins"));
      Optional<PyValue> resources = Optional.ofNullable(options.get("resources"));
      if (allowed.isPresent() && any(allowed.get())) {
        return call.written() + "(..., origins='*')";
      }
      if (allowed.isEmpty() && resources.isEmpty()) {
        return form + " without origins or resources allows '*'";
      }
      if (resources.isPresent() && resources.get() instanceof PyValue.Dict dict) {
        for (PyValue.Entry entry : dict.entries()) {
          if (entry.value() instanceof PyValue.Dict resource
              && resource.get("origins").filter(this::any).isPresent()) {
            return "CORS(..., resources={...: {'origins': '*'}})";
          }
        }
      }
      return null;
    }

    private static Optional<PyValue> allowed(Call call) {
      return call.keyword("origins").or(() -> call.positional().stream().findFirst());
    }
  }

  private static Evidence at(PythonModule module, int line, String message) {
    return Evidence.at(module.path(), line, message);
  }
}
