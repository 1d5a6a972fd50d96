package dev.fleetcheck.core.rules.err;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ExceptHandler;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PY-ERR-012 (assisted): a response built in an except clause that carries the caught exception's
 * text or a traceback, when the clause is broad or the response is a 5xx. A narrow clause answering
 * 4xx with the message of a validation error is fine.
 */
public final class ExceptionTextInResponses implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-ERR-012",
              Set.of(Profile.API, Profile.LAMBDA),
              "Answer a fixed, safe message and an error code (e.g. {\"error\": \"internal\","
                  + " \"request_id\": ...}); log the exception with its traceback instead of returning"
                  + " it.")
          .defined(
              "FAIL on an evident violation: a response built inside an except clause "
                  + "(FastAPI/Starlette `HTTPException`, `JSONResponse`, "
                  + "`PlainTextResponse`, `HTMLResponse`, `Response`, Flask "
                  + "`jsonify`/`make_response`/`abort`, Django "
                  + "`JsonResponse`/`HttpResponse(ServerError)`, or `json.dumps` in a "
                  + "Lambda response with `statusCode`) that carries the caught exception "
                  + "(`e`, `str(e)`, `repr(e)`, `f\"{e}\"`, `e.args`) or a traceback "
                  + "(`format_exc()`, `format_exception(...)`), when the clause is broad or "
                  + "the response is a 5xx. Narrow clauses answering 4xx with `str(e)` are "
                  + "exempt. Narrowed: responses built outside the except clause are not "
                  + "traced",
              Effort.MEDIUM);

  private static final Set<String> RESPONSES =
      Set.of(
          "HTTPException",
          "JSONResponse",
          "PlainTextResponse",
          "HTMLResponse",
          "Response",
          "jsonify",
          "make_response",
          "JsonResponse",
          "HttpResponse",
          "HttpResponseServerError",
          "abort");
  private static final List<String> CALL_NAMES =
      Stream.concat(RESPONSES.stream(), Stream.of("dumps")).toList();
  private static final Pattern TRACEBACK = Pattern.compile("format_exc\\(|format_exception\\(");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    // Every call judged below is named by its last part: a response class or function, or json's
    // dumps. A module that spells none has nothing to judge, whatever its except clauses.
    if (module.exceptHandlers().isEmpty() || !module.mentionsAny(CALL_NAMES)) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    for (ExceptHandler handler : module.exceptHandlers()) {
      boolean lambdaError = lambda5xx(module, handler);
      Pattern exception = exceptionText(handler.name());
      for (Call call : module.calls()) {
        if (!handler.covers(call.line())) {
          continue;
        }
        boolean response = RESPONSES.contains(call.name());
        boolean body = call.callee().equals("json.dumps") && lambdaStatus(module, handler);
        if (!response && !body) {
          continue;
        }
        boolean serverError =
            call.name().equals("HttpResponseServerError") || status5xx(call) || lambdaError;
        if (!handler.broad() && !serverError) {
          continue;
        }
        if (carries(call, exception)) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "the response carries the caught exception's text: "
                      + call.written()
                      + "(...) in an except clause"));
        }
      }
    }
    return findings;
  }

  private static boolean carries(Call call, Pattern exception) {
    List<PyValue> values = new ArrayList<>(call.positional());
    values.addAll(call.keywords().values());
    for (PyValue value : values) {
      String text = ModuleValues.text(value);
      if (TRACEBACK.matcher(text).find() || (exception != null && exception.matcher(text).find())) {
        return true;
      }
    }
    return false;
  }

  /** {@code str(e)}, {@code repr(e)}, {@code f"{e}"}, {@code e.args} or {@code e} itself. */
  private static Pattern exceptionText(String name) {
    if (name.isEmpty()) {
      return null;
    }
    String e = Pattern.quote(name);
    return Pattern.compile(
        "^"
            + e
            + "$|\\b(str|repr)\\(\\s*"
            + e
            + "\\s*\\)|\\{\\s*"
            + e
            + "\\s*(![rsa])?\\s*(:[^}]*)?\\}|\\b"
            + e
            + "\\.args\\b");
  }

  private static boolean status5xx(Call call) {
    for (String keyword : List.of("status_code", "status", "code")) {
      if (call.keyword(keyword).map(v -> is5xx(ModuleValues.text(v)) || num5xx(v)).orElse(false)) {
        return true;
      }
    }
    return call.positional().stream().anyMatch(ExceptionTextInResponses::num5xx);
  }

  private static boolean num5xx(PyValue value) {
    return value instanceof PyValue.Num num && num.text().matches("5\\d\\d");
  }

  private static boolean is5xx(String text) {
    return text.matches("5\\d\\d")
        || text.contains("INTERNAL_SERVER_ERROR")
        || text.contains("HTTP_500");
  }

  /** A Lambda response dict with {@code "statusCode"} in the clause. */
  private static boolean lambdaStatus(PythonModule module, ExceptHandler handler) {
    return module.literalPairs().stream()
        .anyMatch(p -> p.key().equals("statusCode") && handler.covers(p.line()));
  }

  private static boolean lambda5xx(PythonModule module, ExceptHandler handler) {
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("statusCode") && handler.covers(pair.line()) && num5xx(pair.value())) {
        return true;
      }
    }
    return false;
  }
}
