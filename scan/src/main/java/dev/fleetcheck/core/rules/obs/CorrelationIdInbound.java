package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.RequestReads;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-OBS-004: an API accepts an inbound correlation id or generates one. PASS on a correlation
 * middleware (asgi-correlation-id, django-guid, django-log-request-id, flask-request-id-header,
 * starlette-context's {@code RequestIdPlugin}, powertools {@code correlation_id_path=}/{@code
 * set_correlation_id}), on an {@code X-Request-Id}/{@code X-Correlation-Id} read ({@link
 * RequestReads}) in a module that also generates an id ({@code uuid4}, {@code uuid1}, {@code
 * secrets.token_hex/urlsafe}, ulid), or (Lambda APIs) on reading API Gateway's {@code
 * requestContext.requestId}. FAIL otherwise, naming a read that has no fallback.
 */
public final class CorrelationIdInbound implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-004",
              Profile.API,
              "Take the correlation id from X-Request-Id (or X-Correlation-Id) and generate one when it"
                  + " is missing, e.g. with asgi-correlation-id, django-guid or a small middleware.")
          .defined(
              "PASS when the API accepts an inbound correlation id or generates one: "
                  + "a correlation middleware (asgi-correlation-id, django-guid, "
                  + "django-log-request-id, flask-request-id-header, starlette-context "
                  + "`RequestIdPlugin`, oslo.middleware `RequestId` (imported, wired in a "
                  + "paste .ini or setup.cfg, or its X-OpenStack-Request-Id header named next "
                  + "to an oslo_middleware import), powertools "
                  + "`correlation_id_path=`/`set_correlation_id`), an "
                  + "`X-Request-Id`/`X-Correlation-Id` read (shared `RequestReads`: strings "
                  + "and comments never count) in a module that also generates an id "
                  + "(`uuid4`/`uuid1`/`uuid7`, `secrets.token_hex`/`token_urlsafe`, ulid), "
                  + "or API Gateway's `requestContext.requestId` read (narrowed: reading it "
                  + "counts, whether or not it is logged). FAIL otherwise, naming a read "
                  + "without a generated fallback",
              Effort.MEDIUM);

  private static final List<String> MIDDLEWARE_MODULES =
      List.of(
          "asgi_correlation_id",
          "django_guid",
          "log_request_id",
          "flask_request_id_header",
          "flask_request_id");
  private static final Set<String> HEADERS = Set.of("x-request-id", "x-correlation-id");
  private static final Set<String> GENERATORS =
      Set.of(
          "uuid.uuid4",
          "uuid.uuid1",
          "uuid.uuid7",
          "secrets.token_hex",
          "secrets.token_urlsafe",
          "ulid.new",
          "ulid.ulid",
          "ulid.ULID");

  /** The last parts of GENERATORS: a module calling one of them spells its name. */
  private static final Set<String> GENERATOR_NAMES =
      Set.of("uuid4", "uuid1", "uuid7", "token_hex", "token_urlsafe", "new", "ulid", "ULID");

  /** The keyword and the callee name that show powertools correlation ids. */
  private static final Set<String> POWERTOOLS_NAMES =
      Set.of("correlation_id_path", "set_correlation_id");

  private static final Pattern EVENT_REQUEST_ID =
      Pattern.compile("requestContext['\"]\\s*\\]\\s*(\\[|\\.get\\()\\s*['\"]requestId['\"]");
  private static final Pattern POWERTOOLS_REQUEST_ID =
      Pattern.compile("request_context\\.request_id\\b");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    for (PythonModule module : modules) {
      Optional<Evidence> middleware = middleware(module);
      if (middleware.isPresent()) {
        return Outcome.pass(middleware.get());
      }
    }
    Optional<Evidence> oslo =
        OsloRequestId.find(context, "generates a request id and keeps an inbound one");
    if (oslo.isPresent()) {
      return Outcome.pass(oslo.get());
    }
    RequestReads.Read unanswered = null;
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (read.source() != RequestReads.Source.HEADER || !HEADERS.contains(read.normalisedKey())) {
        continue;
      }
      Optional<PythonModule> module = PythonCodebase.of(context.facts()).module(read.path());
      if (module.isPresent() && generatesIds(module.get())) {
        return Outcome.pass(
            Evidence.at(
                read.path(), read.line(), read.key() + " accepted, generated when missing"));
      }
      if (unanswered == null) {
        unanswered = read;
      }
    }
    String message = "API Gateway's requestContext.requestId is the correlation id";
    PythonSources sources = context.fact(PythonSources.FACT);
    Optional<Evidence> lambda =
        sources
            .find("requestId", EVENT_REQUEST_ID, message)
            .or(() -> sources.find("request_context", POWERTOOLS_REQUEST_ID, message));
    if (lambda.isPresent()) {
      return Outcome.pass(lambda.get());
    }
    if (unanswered != null) {
      return Outcome.fail(
          Evidence.at(
              unanswered.path(),
              unanswered.line(),
              unanswered.key() + " is read but no id is generated when it is missing"));
    }
    return Outcome.fail(
        Evidence.repository(
            "no correlation id: X-Request-Id/X-Correlation-Id is not read, and no"
                + " asgi-correlation-id, django-guid or powertools correlation id"));
  }

  private static Optional<Evidence> middleware(PythonModule module) {
    for (var entry : module.imports().values()) {
      for (String library : MIDDLEWARE_MODULES) {
        if (entry.startsWith(library)
            && (entry.length() == library.length() || entry.charAt(library.length()) == '.')) {
          return Optional.of(Evidence.at(module.path(), 1, library + " handles correlation ids"));
        }
      }
      if (entry.startsWith("starlette_context") && entry.endsWith("RequestIdPlugin")) {
        return Optional.of(Evidence.at(module.path(), 1, "starlette-context RequestIdPlugin"));
      }
    }
    Optional<Evidence> powertools = powertools(module);
    if (powertools.isPresent() || !module.mentions("MIDDLEWARE")) {
      return powertools;
    }
    for (Assignment assignment : module.assignments()) {
      if (assignment.name().equals("MIDDLEWARE") && assignment.value() instanceof PyValue.Seq seq) {
        for (PyValue item : seq.items()) {
          if (item instanceof PyValue.Str s
              && MIDDLEWARE_MODULES.stream().anyMatch(m -> s.value().startsWith(m + "."))) {
            return Optional.of(
                Evidence.at(module.path(), assignment.line(), s.value() + " in MIDDLEWARE"));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> powertools(PythonModule module) {
    if (!module.mentionsAny(POWERTOOLS_NAMES)) {
      return Optional.empty();
    }
    for (Call call : module.calls()) {
      if (call.hasKeyword("correlation_id_path")
          || (call.callee().endsWith("set_correlation_id")
              && call.name().equals("set_correlation_id"))) {
        return Optional.of(
            Evidence.at(
                module.path(), call.line(), "powertools correlation id: " + call.written()));
      }
    }
    return Optional.empty();
  }

  private static boolean generatesIds(PythonModule module) {
    if (!module.mentionsAny(GENERATOR_NAMES)) {
      return false;
    }
    for (Call call : module.calls()) {
      if (GENERATORS.contains(call.callee())) {
        return true;
      }
    }
    return false;
  }
}
