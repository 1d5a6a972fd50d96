package dev.fleetcheck.core.rules.sec;

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
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-SEC-047 (assisted): a response built from the caller's credentials: the inbound {@code
 * Authorization} or {@code Cookie} header value, or the whole header or cookie mapping ({@code
 * request.headers}, {@code dict(request.headers)}, {@code request.META}, {@code request.cookies},
 * {@code event["headers"]}), passed to a response class or {@code jsonify}/{@code make_response}.
 * Exception text in responses is PY-ERR-012's finding (one home per finding). Not checked: Lambda
 * proxy response dicts (their computed {@code "body"} is not among the module facts) and internal
 * ids.
 */
public final class LeakedRequestHeaders implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-047",
              Set.of(Profile.API),
              "Never echo request headers, cookies or the Authorization value back in a response;"
                  + " return only the fields the client needs.")
          .defined(
              "FAIL per response (a `*Response(...)` class, `jsonify`, `make_response`) whose"
                  + " arguments hold the inbound"
                  + " `Authorization`/`Cookie` header value or the whole header or cookie mapping"
                  + " (`request.headers`, `dict(request.headers)`, `request.META`,"
                  + " `request.cookies`, `event[\"headers\"]`). Exception text is judged under"
                  + " PY-ERR-012 (one home); Lambda response dicts and internal ids are not checked."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> BUILDERS = Set.of("jsonify", "make_response");
  private static final Pattern WHOLE_MAP =
      Pattern.compile("\\b(?:request|req)\\.(headers|META|cookies|COOKIES)\\b(?!\\s*[\\[.(])");
  private static final Pattern EVENT_HEADERS =
      Pattern.compile(
          "\\bevent\\s*(?:\\[\\s*[\"']headers[\"']\\s*]|\\.get\\(\\s*[\"']headers[\"'][^)]*\\))"
              + "(?!\\s*[\\[.])");
  private static final Pattern CREDENTIAL_HEADER =
      Pattern.compile(
          "(?i)\\b(?:headers|META|cookies|COOKIES)\\s*(?:\\[|\\.get\\()\\s*[\"']"
              + "(authorization|cookie|http_authorization|http_cookie)[\"']");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, LeakedRequestHeaders::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (!call.name().endsWith("Response") && !BUILDERS.contains(call.name())) {
        continue;
      }
      firstLeak(call)
          .ifPresent(
              leak ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          call.line(),
                          call.written() + "(...) puts " + leak + " in the response")));
    }
    return findings;
  }

  /** The first leak among the positional arguments, then the keyword values. */
  private static Optional<String> firstLeak(Call call) {
    for (PyValue argument : call.positional()) {
      Optional<String> leak = leak(argument);
      if (leak.isPresent()) {
        return leak;
      }
    }
    for (PyValue argument : call.keywords().values()) {
      Optional<String> leak = leak(argument);
      if (leak.isPresent()) {
        return leak;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> leak(PyValue value) {
    if (value instanceof PyValue.Seq seq) {
      return seq.items().stream()
          .map(LeakedRequestHeaders::leak)
          .flatMap(Optional::stream)
          .findFirst();
    }
    if (value instanceof PyValue.Dict dict) {
      return dict.entries().stream()
          .map(e -> leak(e.value()))
          .flatMap(Optional::stream)
          .findFirst();
    }
    String text =
        value instanceof PyValue.Name name
            ? name.dotted()
            : value instanceof PyValue.Expr expr ? expr.text() : "";
    Matcher credential = CREDENTIAL_HEADER.matcher(text);
    if (credential.find()) {
      return Optional.of("the inbound " + credential.group(1) + " value");
    }
    Matcher whole = WHOLE_MAP.matcher(text);
    if (whole.find()) {
      return Optional.of("the whole request." + whole.group(1) + " mapping");
    }
    if (EVENT_HEADERS.matcher(text).find()) {
      return Optional.of("the whole event[\"headers\"] mapping");
    }
    return Optional.empty();
  }
}
