package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LogCalls;
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
 * PY-SEC-002 (assisted), family F1 in CLI code (RULES-NEXT decision D4: the CLI home of F1): an
 * output call ({@code print}, {@code click.echo/secho}, {@code typer.echo}, a rich {@code
 * console.print}, {@code sys.stdout/stderr.write}) or a log call whose argument is a bare
 * secret-like name (an option value such as {@code args.password} included), a whole header map, or
 * a read of an environment variable with a secret-like name. In a repository that is also an API or
 * a Lambda, log calls are PY-SEC-051's findings and only output calls are judged here.
 */
public final class SecretsInCliOutput implements Rule {

  static final String ID = "PY-SEC-002";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.CLI),
              "Never print or log a secret: show that it is set, or a masked form, never the value.")
          .defined(
              "FAIL per output call (`print`, `click.echo`/`secho`, `typer.echo`, a rich"
                  + " `console.print`, `sys.stdout`/`sys.stderr.write`) or log call whose argument"
                  + " (f-string fields included) is a bare secret-like name (`args.password`,"
                  + " `token`), a whole header map, or a read of a secret-like environment"
                  + " variable (`os.environ[\"API_TOKEN\"]`, `os.getenv(\"DB_PASSWORD\")`). In a"
                  + " repository that is also api or lambda, log calls are judged under PY-SEC-051"
                  + " (one home). A value passed through a call (`mask(token)`) is taken as"
                  + " redacted. NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> OUTPUT =
      Set.of(
          "print",
          "click.echo",
          "click.secho",
          "typer.echo",
          "typer.secho",
          "rich.print",
          "sys.stdout.write",
          "sys.stderr.write");

  private static final Pattern SECRET_ENV =
      Pattern.compile(
          "(?:os\\.)?(?:environ\\s*\\[|environ\\.get\\s*\\(|getenv\\s*\\()\\s*[\"']([A-Za-z_]\\w*)[\"']");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  // Computed once per scan: PY-SEC-043 derives its outcome from this one.
  private static final Fact<Outcome> WITH_LOGS =
      Fact.of("cli-secrets-with-logs", facts -> ProductCode.outcome(facts, m -> findings(m, true)));
  private static final Fact<Outcome> OUTPUT_ONLY =
      Fact.of("cli-secrets-output", facts -> ProductCode.outcome(facts, m -> findings(m, false)));

  @Override
  public Outcome check(RuleContext context) {
    return outcomeFor(context);
  }

  /** The outcome for the repository; log calls count unless PY-SEC-051 judges them. */
  static Outcome outcomeFor(RuleContext context) {
    boolean logsElsewhere = context.has(Profile.API) || context.has(Profile.LAMBDA);
    return context.fact(logsElsewhere ? OUTPUT_ONLY : WITH_LOGS);
  }

  private static List<Evidence> findings(PythonModule module, boolean judgeLogs) {
    LogCalls logs = LogCalls.of(module);
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      boolean output = output(call);
      if (!output && !(judgeLogs && logs.isLogCall(call))) {
        continue;
      }
      LoggedSecrets.exposedBy(call, false)
          .or(() -> secretEnvironment(call))
          .ifPresent(
              p ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          call.line(),
                          call.written() + "(...) " + (output ? "prints " : "logs ") + p)));
    }
    return findings;
  }

  private static boolean output(Call call) {
    if (OUTPUT.contains(call.callee())) {
      return true;
    }
    String receiver = call.writtenReceiver();
    return call.name().equals("print")
        && (receiver.equals("console") || receiver.endsWith(".console"));
  }

  private static Optional<String> secretEnvironment(Call call) {
    List<PyValue> arguments = new ArrayList<>(call.positional());
    arguments.addAll(call.keywords().values());
    for (PyValue argument : arguments) {
      if (argument instanceof PyValue.Expr expr) {
        Matcher m = SECRET_ENV.matcher(expr.text());
        while (m.find()) {
          if (LoggedSecrets.secretLike(m.group(1))) {
            return Optional.of("the secret-like environment variable " + m.group(1));
          }
        }
      }
    }
    return Optional.empty();
  }
}
