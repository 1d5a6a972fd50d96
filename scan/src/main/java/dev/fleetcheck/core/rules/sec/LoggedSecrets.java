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
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-SEC-051 (assisted), the home of family F1 (RULES-NEXT decision D4): a log call whose arguments
 * hold a secret-like name ({@code password}, {@code token}, {@code secret}, {@code api_key}, {@code
 * authorization}), a whole header map ({@code request.headers}, {@code event["headers"]}, {@code
 * request.META}) or, in Lambda code, the whole {@code event} (also through {@code print} and {@code
 * json.dumps(event)}). Only a bare name or an f-string field that is a bare name counts, so a value
 * passed through a function ({@code mask(token)}) is taken as redacted.
 */
public final class LoggedSecrets implements Rule {

  public static final String ID = "PY-SEC-051";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.API, Profile.LAMBDA),
              "Never log secrets, header maps or whole events: log the fields you need, with tokens"
                  + " and credentials masked (e.g. mask(token)).")
          .defined(
              "FAIL on an evident violation: the home of family F1 (one home per "
                  + "finding): a log call (RULES-NEXT's log-call convention; in a "
                  + "repository with the lambda profile also `print`) whose argument, "
                  + "keyword value, `extra` dict value or f-string field is a bare name "
                  + "that is secret-like (a part `password`, `passwd`, `token`, `secret`, "
                  + "`api_key`/`apiKey` or `authorization`; names ending `_url`, `_id`, "
                  + "`_name`, `_type`, `_arn`, `_path`, `_ttl`, `_hash`, `_count` and "
                  + "similar are references), a whole header map (`headers`, "
                  + "`request.headers`, `request.META`, `event[\"headers\"]`, "
                  + "`event.get(\"headers\")`) or, with the lambda profile, the whole "
                  + "`event` (`event`, `json.dumps(event, ...)`). A value passed through a "
                  + "call (`mask(token)`) counts as redacted; words in a message (`\"token "
                  + "refreshed\"`) never count. Narrowed: personal-data names, raw bodies "
                  + "and powertools `log_event=True` are not checked yet",
              Effort.MEDIUM);

  /**
   * RULES-NEXT's secret-like name endings. {@code pwd} is left out: in code it names the working
   * folder far more often than a password.
   */
  static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "token",
          "secret",
          "apikey",
          "authorization",
          "bearer",
          "credential",
          "credentials",
          "cookie");

  /** Two-word secret-like endings whose last word alone is not secret-like. */
  static final Set<String> SECRET_PAIRS = Set.of("session_id");

  /**
   * Words that make a name ending in {@code key} a secret key ({@code SECRET_KEY}, signing_key).
   */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of("secret", "private", "signing", "encryption");

  /** Name endings that make a secret-like name a reference to the secret, not the secret. */
  private static final Set<String> REFERENCES =
      Set.of(
          "arn",
          "name",
          "id",
          "path",
          "url",
          "uri",
          "ttl",
          "type",
          "count",
          "len",
          "length",
          "expiry",
          "expires",
          "expiration",
          "at",
          "file",
          "param",
          "parameter",
          "hash",
          "env",
          "prefix",
          "endpoint",
          "field",
          "header",
          "set",
          "hint",
          "policy",
          "version");

  /**
   * A word every secret-like name holds, letters in any case: a secret-like last part (or the
   * {@code session} of {@code session_id}, or {@code key}, also the one of {@code api_key}) has no
   * underscore inside, so the splitting only ever inserted underscores around it.
   */
  private static final List<String> SECRET_HINTS =
      List.of(
          "key",
          "token",
          "passw",
          "secret",
          "authorization",
          "bearer",
          "credential",
          "cookie",
          "session");

  private static final Pattern FIELD = Pattern.compile("(?<!\\{)\\{([^{}]*)\\}");
  private static final Pattern FIELD_NAME =
      Pattern.compile("\\s*([A-Za-z_][\\w.]*)\\s*(?:=\\s*)?(?:![rsa])?(?::.*)?");
  private static final Pattern EVENT_HEADERS =
      Pattern.compile(
          "event\\s*(?:\\[\\s*[\"']headers[\"']\\s*]|\\.get\\(\\s*[\"']headers[\"']\\s*\\))");
  private static final Pattern DUMPED_EVENT = Pattern.compile("json\\.dumps\\(\\s*event\\s*[,)].*");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  // Compiled once: String.matches/replaceAll/split compile their pattern on every call.
  private static final Pattern LEADING_UNDERSCORES = Pattern.compile("^_+");
  private static final Pattern UNDERSCORES = Pattern.compile("_+");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  // Computed once per scan: PY-OBS-017 shows this outcome too (one home per finding).
  private static final Fact<Outcome> IN_LAMBDA_CODE =
      Fact.of("logged-secrets-lambda", facts -> ProductCode.outcome(facts, new Detector(true)));
  private static final Fact<Outcome> ELSEWHERE =
      Fact.of("logged-secrets", facts -> ProductCode.outcome(facts, new Detector(false)));

  @Override
  public Outcome check(RuleContext context) {
    return outcomeFor(context);
  }

  /** The detector's outcome for the repository; whole events and print count in Lambda code. */
  public static Outcome outcomeFor(RuleContext context) {
    return context.fact(context.has(Profile.LAMBDA) ? IN_LAMBDA_CODE : ELSEWHERE);
  }

  /** The F1 detector; {@code lambda}: whole events and {@code print} count (Lambda code). */
  record Detector(boolean lambda) implements ModuleCheck {

    @Override
    public List<Evidence> findings(PythonModule module) {
      if (!module.mentionsAny(LogCalls.METHOD_NAMES) && !(lambda && module.mentions("print"))) {
        return List.of();
      }
      LogCalls logs = LogCalls.of(module);
      List<Evidence> findings = new ArrayList<>();
      for (Call call : module.calls()) {
        boolean print = lambda && call.callee().equals("print");
        if (!print && !logs.isLogCall(call)) {
          continue;
        }
        exposure(call)
            .ifPresent(
                p ->
                    findings.add(
                        Evidence.at(
                            module.path(), call.line(), call.written() + "(...) logs " + p)));
      }
      return findings;
    }

    /** What the call's arguments expose, described; empty when nothing evident. */
    Optional<String> exposure(Call call) {
      for (PyValue argument : call.positional()) {
        Optional<String> problem = problem(argument);
        if (problem.isPresent()) {
          return problem;
        }
      }
      for (PyValue argument : call.keywords().values()) {
        Optional<String> problem = problem(argument);
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }

    private Optional<String> problem(PyValue value) {
      if (value instanceof PyValue.Name name) {
        return problemOfText(name.dotted());
      }
      if (value instanceof PyValue.Seq seq) {
        return seq.items().stream().map(this::problem).flatMap(Optional::stream).findFirst();
      }
      if (value instanceof PyValue.Dict dict) {
        return dict.entries().stream()
            .map(e -> problem(e.value()))
            .flatMap(Optional::stream)
            .findFirst();
      }
      if (value instanceof PyValue.Expr expr) {
        String text = expr.text().trim();
        if (fString(text)) {
          Matcher field = FIELD.matcher(text);
          while (field.find()) {
            Matcher name = FIELD_NAME.matcher(field.group(1));
            Optional<String> found =
                name.matches()
                    ? problemOfText(name.group(1))
                    : problemOfText(field.group(1).trim());
            if (found.isPresent()) {
              return found;
            }
          }
          return Optional.empty();
        }
        return problemOfText(text);
      }
      return Optional.empty();
    }

    /** What an argument written as {@code text} (a name or a simple expression) exposes. */
    private Optional<String> problemOfText(String text) {
      if (text.equals("headers") || text.endsWith(".headers") || text.endsWith("request.META")) {
        return Optional.of("a whole header map (" + text + ")");
      }
      // Both patterns are anchored and start with these words: other texts cannot match.
      if (text.startsWith("event") && EVENT_HEADERS.matcher(text).matches()) {
        return Optional.of("a whole header map (" + text + ")");
      }
      if (lambda
          && (text.equals("event")
              || text.startsWith("json.dumps(") && DUMPED_EVENT.matcher(text).matches())) {
        return Optional.of("the whole Lambda event (" + text + ")");
      }
      if (simpleName(text) && secretLike(text.substring(text.lastIndexOf('.') + 1))) {
        return Optional.of("a secret-like value (" + text + ")");
      }
      return Optional.empty();
    }

    /** Whether {@code text} matches {@code [A-Za-z_][\w.]*} (ASCII {@code \w}), without a regex. */
    private static boolean simpleName(String text) {
      if (text.isEmpty()) {
        return false;
      }
      char first = text.charAt(0);
      if (!(first == '_' || first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
        return false;
      }
      for (int i = 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!(c == '_'
            || c == '.'
            || c >= 'a' && c <= 'z'
            || c >= 'A' && c <= 'Z'
            || c >= '0' && c <= '9')) {
          return false;
        }
      }
      return true;
    }

    private static boolean fString(String text) {
      int quote = text.indexOf('"') < 0 ? text.indexOf('\'') : text.indexOf('"');
      int single = text.indexOf('\'');
      if (single >= 0 && (quote < 0 || single < quote)) {
        quote = single;
      }
      return quote > 0
          && quote <= 2
          && text.substring(0, quote).toLowerCase(Locale.ROOT).contains("f");
    }
  }

  /**
   * What a call's arguments expose as F1 judges them: a bare secret-like name, a whole header map
   * or, with {@code lambda}, the whole event; described as in the findings ("a secret-like value
   * (token)"). Other rules use it for output calls that are not log calls.
   */
  public static Optional<String> exposedBy(Call call, boolean lambda) {
    return new Detector(lambda).exposure(call);
  }

  /**
   * A name whose last segment is secret-like (RULES-NEXT conventions): {@code access_token}, {@code
   * apiKey}, {@code DB_PASSWORD}, {@code private_key}, {@code SECRET_KEY}; not {@code token_url},
   * {@code token_pos}, {@code password_hash} or {@code max_tokens}.
   */
  public static boolean secretLike(String name) {
    if (!mayBeSecretLike(name)) {
      return false;
    }
    String snake = CAMEL.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    List<String> parts =
        List.of(
            UNDERSCORES.split(
                LEADING_UNDERSCORES.matcher(snake).replaceAll("").replace("api_key", "apikey")));
    if (parts.isEmpty()) {
      return false;
    }
    String last = parts.get(parts.size() - 1);
    if (parts.size() > 1 && SECRET_PAIRS.contains(parts.get(parts.size() - 2) + "_" + last)) {
      return true;
    }
    if (REFERENCES.contains(last)) {
      return false;
    }
    return SECRET_WORDS.contains(last)
        || last.equals("key") && parts.stream().anyMatch(KEY_QUALIFIERS::contains);
  }

  /**
   * Cheap exact pre-check for {@link #secretLike}: false only when the name cannot be secret-like.
   * A name with a non-ASCII character always passes, since one lower-cases to an ASCII 'k'
   * (U+212A).
   */
  private static boolean mayBeSecretLike(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 128) {
        return true;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String hint : SECRET_HINTS) {
      if (lower.contains(hint)) {
        return true;
      }
    }
    return false;
  }
}
