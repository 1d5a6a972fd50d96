package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-SEC-027 (assisted): a response whose literal status breaks the 401/403 split, told by its own
 * message: an authentication failure ("not authenticated", "could not validate credentials",
 * "invalid token", "token expired", "missing token") answered with anything but 401, a permission
 * failure ("not enough permissions", "forbidden", "permission denied", "access denied") with
 * anything but 403 or 404. DRF's SessionAuthentication-first ordering is PY-SEC-015's finding (one
 * home); "not allowed" is left out ("method not allowed", "file type not allowed" are not
 * authorisation).
 */
public final class AuthStatusMismatch implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-027",
              Set.of(Profile.API),
              "Answer missing or invalid credentials with 401 and a lack of permission with 403"
                  + " (404 where hiding the resource is specified).")
          .defined(
              "FAIL per `HTTPException`, `abort` or response class call with a literal status"
                  + " (`401`, `status.HTTP_403_FORBIDDEN`, `HTTPStatus.FORBIDDEN`) whose message says"
                  + " authentication failed (`not authenticated`, `could not validate credentials`,"
                  + " `invalid token`, `token expired`, `missing token`/`credentials`) with a status"
                  + " other than 401, or says permission is lacking (`not enough"
                  + " permissions`/`privileges`, `forbidden`, `permission denied`, `access denied`)"
                  + " with a status other than 403/404. DRF ordering is judged under PY-SEC-015."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Pattern UNAUTHENTICATED =
      Pattern.compile(
          "not authenticated|could not validate credentials|invalid (access |bearer )?token"
              + "|token (has )?expired|missing (access |bearer )?(token|credentials)");
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "not enough (permissions|privileges)|forbidden|permission denied|access denied"
              + "|insufficient (permissions|privileges)");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, AuthStatusMismatch::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      Optional<Integer> status = StatusResponses.status(call);
      if (status.isEmpty()) {
        continue;
      }
      int code = status.get();
      for (String message : StatusResponses.messages(call)) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (code != 401 && UNAUTHENTICATED.matcher(lower).find()) {
          findings.add(finding(module, call, code, message, "401"));
          break;
        }
        if (code != 403 && code != 404 && FORBIDDEN.matcher(lower).find()) {
          findings.add(finding(module, call, code, message, "403"));
          break;
        }
      }
    }
    return findings;
  }

  private static Evidence finding(
      PythonModule module, Call call, int code, String message, String expected) {
    return Evidence.at(
        module.path(),
        call.line(),
        call.written()
            + "(...) answers \""
            + message
            + "\" with "
            + code
            + ", expected "
            + expected);
  }
}
