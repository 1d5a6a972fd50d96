package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.StringLiterals;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-002: the CLI generates a run id per invocation. Product code binds a name, attribute, dict
 * key or keyword argument {@code run_id} ({@code runId}, {@code run-id}, {@code invocation_id}) to
 * an expression that calls a generator: {@code uuid.uuid1/uuid4/uuid6/uuid7} (also from uuid6 and
 * uuid_utils), ulid, ksuid, {@code secrets.token_hex/token_urlsafe}. Matched on the token stream,
 * calls resolved through imports, so strings, comments and test code never count.
 */
public final class RunId implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-002",
              Profile.CLI,
              "Generate a run id once per invocation (`run_id = uuid.uuid4().hex`) and put it in"
                  + " every log line and in structured output.")
          .defined(
              "PASS when a name, attribute, keyword argument or dict key `run_id` "
                  + "(`runId`, `run-id`, `invocation_id`) is bound to an expression that "
                  + "calls a generator: `uuid.uuid1/4/6/7()` (also uuid6, uuid_utils), a "
                  + "ULID or KSUID, `secrets.token_hex/token_urlsafe()`; `str()`, `.hex` "
                  + "and `x or uuid4()` around it count",
              Effort.LOW);

  private static final Set<String> NAMES = Set.of("run_id", "runId", "run-id", "invocation_id");
  private static final Set<String> GENERATORS =
      Set.of(
          "uuid.uuid1",
          "uuid.uuid4",
          "uuid.uuid6",
          "uuid.uuid7",
          "uuid6.uuid6",
          "uuid6.uuid7",
          "uuid_utils.uuid4",
          "uuid_utils.uuid7",
          "secrets.token_hex",
          "secrets.token_urlsafe");

  private record Found(String path, int line, String name, String generator) {}

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    for (PythonModule module : modules) {
      // a binding counts only with a generator call inside it: a module without one has none
      if (module.calls().stream().noneMatch(RunId::generates)) {
        continue;
      }
      Optional<Tokens> tokens = codebase.tokens(module.path());
      if (tokens.isEmpty()) {
        continue;
      }
      Optional<Found> found = find(module, tokens.get());
      if (found.isPresent()) {
        Found f = found.get();
        return Outcome.pass(
            Evidence.at(f.path(), f.line(), "`" + f.name() + "` is bound to " + f.generator()));
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no run id is generated: no run_id (runId, run-id, invocation_id) bound to uuid4(),"
                + " uuid7(), a ULID/KSUID or secrets.token_hex() in product code"));
  }

  private static Optional<Found> find(PythonModule module, Tokens t) {
    for (int i = 0; i < t.size(); i++) {
      Optional<String> name = boundName(t, i);
      if (name.isEmpty()) {
        continue;
      }
      int operator = t.skipTrivia(i + 1);
      if (t.isOp(operator, ']')) {
        operator = t.skipTrivia(operator + 1);
      }
      int start = t.skipTrivia(operator + 1);
      int end = valueEnd(t, start);
      Optional<Call> generator = generatorWithin(module, t, start, end);
      if (generator.isPresent()) {
        return Optional.of(
            new Found(module.path(), t.line(i), name.get(), generator.get().callee() + "()"));
      }
    }
    return Optional.empty();
  }

  /**
   * The run-id name bound at token {@code i}: a name (or attribute, or keyword argument) followed
   * by {@code =} or an annotation, a string dict key followed by {@code :}, or a string subscript
   * assigned ({@code ctx["run_id"] = ...}).
   */
  private static Optional<String> boundName(Tokens t, int i) {
    int next = t.skipTrivia(i + 1);
    if (t.isName(i) && NAMES.contains(t.text(i))) {
      return t.isOp(next, '=') || t.isOp(next, ':') ? Optional.of(t.text(i)) : Optional.empty();
    }
    if (!t.isKind(i, TokenKind.STRING)) {
      return Optional.empty();
    }
    String value = StringLiterals.value(t.text(i));
    if (value == null || !NAMES.contains(value)) {
      return Optional.empty();
    }
    boolean dictKey = t.isOp(next, ':');
    boolean subscript =
        t.isOp(t.skipTriviaBack(i - 1), '[')
            && t.isOp(next, ']')
            && t.isOp(t.skipTrivia(next + 1), '=');
    return dictKey || subscript ? Optional.of(value) : Optional.empty();
  }

  /** Where the expression starting at {@code start} ends: a comma or bracket of its level. */
  private static int valueEnd(Tokens t, int start) {
    int depth = t.depth(start);
    int j = start;
    while (j < t.size()) {
      TokenKind kind = t.kind(j);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.ENDMARKER || t.depth(j) < depth) {
        return j;
      }
      if (t.depth(j) == depth && (t.isOp(j, ',') || t.isOp(j, ';'))) {
        return j;
      }
      j++;
    }
    return j;
  }

  private static Optional<Call> generatorWithin(PythonModule module, Tokens t, int start, int end) {
    if (start >= end) {
      return Optional.empty();
    }
    long from = position(t.line(start), t.column(start));
    long to = position(t.line(end), t.column(end));
    return module.calls().stream()
        .filter(call -> position(call.line(), call.column()) >= from)
        .filter(call -> position(call.line(), call.column()) < to)
        .filter(RunId::generates)
        .findFirst();
  }

  private static long position(int line, int column) {
    return ((long) line << 32) | column;
  }

  /**
   * Whether {@code call} calls a generator. Asked of every call of every product module, so it
   * reads the callee in place: its module is the part before the first dot.
   */
  private static boolean generates(Call call) {
    String callee = call.callee();
    int dot = callee.indexOf('.');
    int moduleEnd = dot < 0 ? callee.length() : dot;
    int ksuid = callee.indexOf("ksuid");
    return ((callee.startsWith("uuid") || callee.startsWith("secrets."))
            && GENERATORS.contains(callee))
        || (moduleEnd == 4 && callee.startsWith("ulid"))
        || (moduleEnd == 11 && callee.startsWith("python_ulid"))
        || (ksuid >= 0 && ksuid + 5 <= moduleEnd);
  }
}
