package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-PERF-006: a Lambda handler does not build SDK clients or connections on every invocation. FAIL
 * per call directly in a handler's body ({@link LambdaHandlers}; nested functions are not the
 * handler's body) that constructs one: {@code boto3.client/resource/Session}, a client or resource
 * of a boto3 session, botocore's {@code create_client}, {@code requests.Session}, {@code
 * httpx.Client/AsyncClient}, {@code psycopg2/psycopg/pymysql/pg8000.connect}, {@code redis.Redis},
 * {@code pymongo.MongoClient}. Exempt: calls given per-invocation credentials ({@code
 * aws_access_key_id=}, {@code aws_session_token=}, {@code **credentials}) and lazy initialisation
 * of a module global ({@code global client} in the handler).
 */
public final class LambdaClientReuse implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-PERF-006",
              Profile.LAMBDA,
              "Create SDK clients and connections once, at module level (or lazily into a module"
                  + " global), and reuse them across invocations; e.g. s3 = boto3.client(\"s3\")"
                  + " above def lambda_handler.")
          .defined(
              "PASS when no SDK client or connection built directly in a Lambda "
                  + "handler's body (`boto3.client`/`resource`/`Session`, a boto3 session's "
                  + "`client`/`resource`, botocore `create_client`, `requests.Session`, "
                  + "`httpx.Client`/`AsyncClient`, "
                  + "`psycopg2`/`psycopg`/`pymysql`/`pg8000.connect`, `redis.Redis`, "
                  + "`pymongo.MongoClient`). Handlers: the template's `Handler` resolved "
                  + "against `CodeUri` (shared detector `LambdaHandlers`), else top-level "
                  + "`lambda_handler`/`handler(event, context)` in product code; nested "
                  + "functions are not the handler's body. Exempt: per-invocation "
                  + "credentials (`aws_access_key_id=`, `aws_session_token=`, "
                  + "`**credentials`) and lazy initialisation of a module global (`global "
                  + "client` in the handler); no handler is NOT_APPLICABLE",
              Effort.LOW);

  private static final Set<String> CONSTRUCTORS =
      Set.of(
          "boto3.client",
          "boto3.resource",
          "boto3.Session",
          "boto3.session.Session",
          "aioboto3.Session",
          "requests.Session",
          "requests.session",
          "httpx.Client",
          "httpx.AsyncClient",
          "psycopg2.connect",
          "psycopg.connect",
          "pymysql.connect",
          "pg8000.connect",
          "redis.Redis",
          "redis.StrictRedis",
          "redis.from_url",
          "pymongo.MongoClient");
  private static final Set<String> SESSIONS =
      Set.of("boto3.Session", "boto3.session.Session", "aioboto3.Session");
  private static final Pattern GLOBAL = Pattern.compile("(?m)^[ \\t]*global[ \\t]+([\\w \\t,]+)$");
  private static final Pattern ASSIGNED = Pattern.compile("^\\s*(\\w+)\\s*(?::[^=]*)?=[^=]");
  private static final Set<String> CREDENTIALS =
      Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaHandlers.Handler> handlers = context.fact(LambdaHandlers.FACT);
    if (handlers.isEmpty()) {
      return Outcome.notApplicable("no Lambda handler found in product code");
    }
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<Evidence> findings = new ArrayList<>();
    for (LambdaHandlers.Handler handler : handlers) {
      Optional<PythonModule> module = codebase.module(handler.path());
      Optional<Blocks> blocks = codebase.blocks(handler.path());
      if (module.isPresent() && blocks.isPresent()) {
        findings.addAll(findings(module.get(), blocks.get(), handler));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(
        Evidence.repository(
            handlers.size() + " Lambda handler(s) build no SDK client or connection per call"));
  }

  private static List<Evidence> findings(
      PythonModule module, Blocks blocks, LambdaHandlers.Handler handler) {
    Optional<Blocks.Block> body =
        blocks.of(Blocks.Kind.DEF).stream()
            .filter(b -> b.name().equals(handler.function()) && b.depth() == 0)
            .findFirst();
    if (body.isEmpty()) {
      return List.of();
    }
    Blocks.Block def = body.get();
    Set<String> globals = globals(blocks.bodyText(def));
    List<String> lines = globals.isEmpty() ? List.of() : TextLines.of(blocks.tokens().source());
    Set<String> sessions = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (SESSIONS.contains(binding.callee())) {
        sessions.add(binding.name());
      }
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (!def.spans(call.line()) || call.line() == def.line()) {
        continue;
      }
      if (blocks.enclosingDef(call.line()).filter(d -> d != def).isPresent()) {
        continue;
      }
      if (!constructs(call, sessions) || perInvocationCredentials(call)) {
        continue;
      }
      if (lazyGlobal(lines, call, globals)) {
        continue;
      }
      findings.add(
          Evidence.at(
              module.path(),
              call.line(),
              call.written()
                  + "(...) in "
                  + handler.function()
                  + " builds a new client on every invocation"));
    }
    return findings;
  }

  private static boolean constructs(Call call, Set<String> sessions) {
    if (CONSTRUCTORS.contains(call.callee())) {
      return true;
    }
    if (call.name().equals("create_client") && call.callee().startsWith("botocore")) {
      return true;
    }
    boolean clientOfSession = call.name().equals("client") || call.name().equals("resource");
    return clientOfSession
        && (sessions.contains(call.writtenReceiver())
            || SESSIONS.stream().anyMatch(s -> call.receiver().equals(s + "()")));
  }

  private static boolean perInvocationCredentials(Call call) {
    return call.kwargsSplat() || call.keywords().keySet().stream().anyMatch(CREDENTIALS::contains);
  }

  /** The names a {@code global} statement of the handler's body declares. */
  private static Set<String> globals(String body) {
    Set<String> names = new HashSet<>();
    Matcher m = GLOBAL.matcher(body);
    while (m.find()) {
      for (String name : m.group(1).split(",")) {
        names.add(name.trim());
      }
    }
    return names;
  }

  /** Whether the call's line assigns to one of the handler's globals: lazy initialisation. */
  private static boolean lazyGlobal(List<String> lines, Call call, Set<String> globals) {
    if (globals.isEmpty() || call.line() > lines.size()) {
      return false;
    }
    Matcher m = ASSIGNED.matcher(lines.get(call.line() - 1));
    return m.find() && globals.contains(m.group(1));
  }
}
