package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-BEH-015 (assisted): an error response whose literal status contradicts its literal message.
 * Read from FastAPI/Starlette/werkzeug {@code HTTPException(status, detail)}, Flask {@code
 * abort(status, description)}, {@code JSONResponse(content={...}, status_code=...)} and DRF {@code
 * Response({...}, status=...)} (message under {@code detail}, {@code message} or {@code error});
 * statuses as numbers or {@code status.HTTP_404_NOT_FOUND} names. "Not found" answered with 400,
 * 401, 403 or 422 is not a finding (a missing field or credential is the client's fault, and RFC
 * 6749 answers bad credentials with 400); Lambda {@code statusCode} dicts are not read.
 */
public final class MisleadingStatusCodes implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-015",
              Set.of(Profile.API),
              "Answer with the status the message describes: 404 for not found, 409 for conflicts"
                  + " and duplicates, 429 for rate limits, 4xx (not 5xx) for invalid or missing"
                  + " input.")
          .defined(
              "FAIL per HTTPException/abort/JSONResponse/DRF Response with a literal status and"
                  + " message where: not found/does not exist is not 404 (400, 401, 403, 422"
                  + " exempt); already exists/conflict/duplicate is not 409; rate limit/too many"
                  + " requests is not 429; a 5xx says invalid/required/missing/must be/not found."
                  + " Lambda statusCode dicts are not read. NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> EXCEPTIONS =
      Set.of(
          "fastapi.HTTPException",
          "fastapi.exceptions.HTTPException",
          "starlette.exceptions.HTTPException",
          "werkzeug.exceptions.HTTPException");
  private static final Set<String> ABORTS =
      Set.of("flask.abort", "quart.abort", "werkzeug.exceptions.abort");
  private static final Set<String> RESPONSES =
      Set.of(
          "fastapi.responses.JSONResponse",
          "starlette.responses.JSONResponse",
          "rest_framework.response.Response");

  /**
   * The first part of every callee above: each resolves through an import that spells it, so a
   * module spelling none of these calls none of them.
   */
  private static final List<String> FRAMEWORK_ROOTS =
      List.of("fastapi", "starlette", "werkzeug", "flask", "quart", "rest_framework");

  private static final List<String> MESSAGE_KEYS = List.of("detail", "message", "error");
  private static final Pattern STATUS_NAME = Pattern.compile("HTTP_(\\d{3})");
  private static final Pattern NOT_FOUND =
      Pattern.compile("not found|does not exist|doesn't exist");
  private static final Pattern CONFLICT = Pattern.compile("already exists|conflict|duplicate");
  private static final Pattern RATE = Pattern.compile("rate limit|too many requests");
  private static final Pattern CLIENT_FAULT =
      Pattern.compile("invalid|required|missing|must be|not found");
  private static final Set<Integer> NOT_FOUND_EXEMPT = Set.of(400, 401, 403, 404, 410, 422);

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
    if (!module.mentionsAny(FRAMEWORK_ROOTS)) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      String callee = call.callee();
      OptionalInt status;
      Optional<String> message;
      if (EXCEPTIONS.contains(callee) || ABORTS.contains(callee)) {
        status = status(arg(call, 0, "status_code", "code"));
        message = string(arg(call, 1, "detail", "description"));
      } else if (RESPONSES.contains(callee)) {
        status = status(call.keyword("status_code").or(() -> call.keyword("status")));
        message = bodyMessage(arg(call, 0, "content", "data"));
      } else {
        continue;
      }
      if (status.isEmpty() || message.isEmpty()) {
        continue;
      }
      contradiction(status.getAsInt(), message.get().toLowerCase(Locale.ROOT))
          .ifPresent(
              why ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          call.line(),
                          "status "
                              + status.getAsInt()
                              + " for \""
                              + shorten(message.get())
                              + "\": "
                              + why)));
    }
    return findings;
  }

  private static Optional<String> contradiction(int status, String message) {
    if (status >= 500 && CLIENT_FAULT.matcher(message).find()) {
      return Optional.of("a client fault reported as a server error (use 4xx)");
    }
    if (NOT_FOUND.matcher(message).find() && !NOT_FOUND_EXEMPT.contains(status)) {
      return Optional.of("not found should be 404");
    }
    if (CONFLICT.matcher(message).find() && status != 409) {
      return Optional.of("a conflict should be 409");
    }
    if (RATE.matcher(message).find() && status != 429) {
      return Optional.of("a rate limit should be 429");
    }
    return Optional.empty();
  }

  private static Optional<PyValue> arg(Call call, int position, String... keywords) {
    for (String keyword : keywords) {
      Optional<PyValue> value = call.keyword(keyword);
      if (value.isPresent()) {
        return value;
      }
    }
    return call.positional().size() > position
        ? Optional.of(call.positional().get(position))
        : Optional.empty();
  }

  private static OptionalInt status(Optional<PyValue> value) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    String text =
        value.get() instanceof PyValue.Num num
            ? num.text()
            : value.get() instanceof PyValue.Name name ? name.dotted() : "";
    if (text.matches("\\d{3}")) {
      return OptionalInt.of(Integer.parseInt(text));
    }
    Matcher matcher = STATUS_NAME.matcher(text);
    return matcher.find()
        ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
        : OptionalInt.empty();
  }

  private static Optional<String> string(Optional<PyValue> value) {
    return value.filter(v -> v instanceof PyValue.Str).map(v -> ((PyValue.Str) v).value());
  }

  private static Optional<String> bodyMessage(Optional<PyValue> body) {
    if (body.isPresent() && body.get() instanceof PyValue.Dict dict) {
      for (String key : MESSAGE_KEYS) {
        Optional<String> message = string(dict.get(key));
        if (message.isPresent()) {
          return message;
        }
      }
    }
    return Optional.empty();
  }

  private static String shorten(String message) {
    return message.length() > 60 ? message.substring(0, 57) + "..." : message;
  }
}
