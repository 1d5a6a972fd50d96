package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-ERR-008 (assisted): a Flask API that leaves every error to Flask's default HTML pages, so no
 * error body carries a message field. The decisions make FastAPI's and DRF's default {@code detail}
 * a message field, so only plain Flask (no Flask-RESTful, -RESTX, -Smorest, APIFlask or Connexion,
 * which answer JSON with {@code message}) can show the evident violation.
 */
public final class DefaultFlaskErrors implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-008",
              Set.of(Profile.API),
              "Register an error handler (app.errorhandler / register_error_handler) that answers"
                  + " JSON with a plain-language message field.")
          .defined(
              "FAIL when API product code creates a plain Flask app (no Flask-RESTful, RESTX,"
                  + " Smorest, APIFlask or Connexion), registers no error handler (errorhandler,"
                  + " app_errorhandler, register_error_handler) and never writes a \"message\" key,"
                  + " so errors are Flask's HTML pages; else MANUAL (FastAPI/DRF detail counts as"
                  + " the message). NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final List<String> JSON_EXTENSIONS =
      List.of("flask_restful", "flask_restx", "flask_smorest", "apiflask", "connexion");

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
    // Without a Flask app every path below ends in "no evident violation", so the app is looked
    // for first, and only in modules that spell "Flask" (as a call resolving to flask.Flask does).
    Optional<Evidence> app = Optional.empty();
    for (PythonModule module : modules) {
      if (!module.mentions("Flask")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (call.callee().equals("flask.Flask")) {
          app =
              Optional.of(
                  Evidence.at(
                      module.path(),
                      call.line(),
                      "Flask app with no error handler: errors are HTML pages without a message field"));
          break;
        }
      }
      if (app.isPresent()) {
        break;
      }
    }
    if (app.isEmpty()) {
      return Outcome.noEvidentViolation();
    }
    for (PythonModule module : modules) {
      // An import of an extension spells its first name in the import statement.
      if (module.mentionsAny(JSON_EXTENSIONS)
          && module.imports().values().stream()
              .anyMatch(
                  v ->
                      JSON_EXTENSIONS.stream()
                          .anyMatch(x -> v.equals(x) || v.startsWith(x + ".")))) {
        return Outcome.noEvidentViolation();
      }
      if (handlesErrors(module)) {
        return Outcome.noEvidentViolation();
      }
    }
    if (app.isEmpty() || writesMessage(PythonCodebase.of(context.facts()), modules)) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(app.get());
  }

  /** A {@code "message"} dict key or subscript, or a {@code message=} keyword, in product code. */
  private static boolean writesMessage(PythonCodebase codebase, List<PythonModule> modules) {
    for (PythonModule module : modules) {
      if (module.calls().stream().anyMatch(c -> c.hasKeyword("message"))) {
        return true;
      }
      String text = codebase.text(module.path()).orElse("");
      if (!text.contains("\"message\"") && !text.contains("'message'")) {
        continue;
      }
      Optional<Tokens> tokens = codebase.tokens(module.path());
      if (tokens.isPresent()) {
        Tokens t = tokens.get();
        for (int i = 0; i < t.size(); i++) {
          if (t.isKind(i, TokenKind.STRING)
              && "message".equals(t.stringValue(i))
              && (t.isOp(t.skipTrivia(i + 1), ':') || t.isOp(t.skipTriviaBack(i - 1), '['))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean handlesErrors(PythonModule module) {
    for (Decorator decorator : module.decorators()) {
      String name = decorator.name();
      if (name.endsWith("errorhandler")) {
        return true;
      }
    }
    for (Call call : module.calls()) {
      if (call.name().equals("register_error_handler") || call.name().endsWith("errorhandler")) {
        return true;
      }
    }
    return false;
  }
}
