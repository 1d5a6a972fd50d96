package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-OBS-025: an API logs {@code request.start} exactly once per request. The event name is the
 * message or {@code event=} value of a log call ({@code .debug/info/warning/error/...}, {@code
 * logging.info}, structlog). PASS when it is emitted from exactly one place in product code and
 * that place runs for every request: inside a function registered as middleware ({@code
 * @app.middleware("http")}, Flask {@code before_request}, {@code add_middleware(...,
 * dispatch=f)}), a class registered as middleware ({@code add_middleware(C)}, {@code
 * Middleware(C)}, a Django {@code MIDDLEWARE} entry), or a decorator applied to every Lambda
 * handler. FAIL when emitted nowhere, from several places, or from one place that is none of these
 * (narrowed: a helper called from a middleware is not followed).
 */
public final class RequestStartLog implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-025",
              Profile.API,
              "Log request.start once per request from one middleware (e.g. an"
                  + " @app.middleware(\"http\") function or a MIDDLEWARE class), never from handlers.")
          .defined(
              "PASS when `request.start` (the message or `event=` of a log call) is "
                  + "emitted from exactly one place in product code, inside a registered "
                  + "middleware: a function decorated "
                  + "`@app.middleware(...)`/`before_request` or passed to "
                  + "`add_middleware(..., dispatch=f)`/`before_request(f)`, a class passed "
                  + "to `add_middleware(C)`/`Middleware(C)` or listed in Django's "
                  + "`MIDDLEWARE`, or a decorator on every Lambda handler. FAIL when "
                  + "emitted nowhere, from several places, or from one place that is none "
                  + "of these; a helper called from a middleware is not followed yet "
                  + "(narrowed from RULES-NEXT).",
              Effort.MEDIUM);

  static final String EVENT = "request.start";
  private static final Set<String> LEVELS =
      Set.of(
          "debug",
          "info",
          "warning",
          "warn",
          "error",
          "exception",
          "critical",
          "log",
          "msg",
          "bind");

  /** One emitting site. */
  private record Site(PythonModule module, Call call) {}

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
    List<Site> sites = new ArrayList<>();
    for (PythonModule module : modules) {
      // A log call spells its level's name.
      if (!module.mentionsAny(LEVELS)) {
        continue;
      }
      for (Call call : module.calls()) {
        if (emits(call)) {
          sites.add(new Site(module, call));
        }
      }
    }
    if (sites.isEmpty()) {
      return Outcome.fail(
          Evidence.repository("no log call emits the event request.start in product code"));
    }
    if (sites.size() > 1) {
      return Outcome.fail(
          sites.stream()
              .map(
                  s ->
                      Evidence.at(
                          s.module().path(),
                          s.call().line(),
                          "request.start is emitted here and in "
                              + (sites.size() - 1)
                              + " other place(s): once per request means one place"))
              .toList());
    }
    Site site = sites.get(0);
    Optional<String> registration = registration(context, codebase, modules, site);
    if (registration.isPresent()) {
      return Outcome.pass(
          Evidence.at(
              site.module().path(),
              site.call().line(),
              "request.start is emitted once, " + registration.get()));
    }
    return Outcome.fail(
        Evidence.at(
            site.module().path(),
            site.call().line(),
            "request.start is emitted outside any registered middleware: not every request logs"
                + " it"));
  }

  private static boolean emits(Call call) {
    if (!LEVELS.contains(call.name())) {
      return false;
    }
    boolean message =
        !call.positional().isEmpty()
            && call.positional().get(0) instanceof PyValue.Str s
            && s.value().equals(EVENT);
    boolean keyword =
        call.keyword("event")
            .filter(v -> v instanceof PyValue.Str s && s.value().equals(EVENT))
            .isPresent();
    return message || keyword;
  }

  /** How the site runs for every request, if it does. */
  private static Optional<String> registration(
      RuleContext context, PythonCodebase codebase, List<PythonModule> modules, Site site) {
    Optional<Blocks> blocks = codebase.tokens(site.module().path()).map(Blocks::of);
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    int line = site.call().line();
    List<Blocks.Block> enclosing =
        blocks.get().all().stream()
            .filter(b -> b.kind() != Blocks.Kind.EXCEPT && b.spans(line))
            .toList();
    for (Blocks.Block block : enclosing) {
      if (block.kind() == Blocks.Kind.CLASS) {
        Optional<String> registered = classRegistered(modules, block.name());
        if (registered.isPresent()) {
          return registered;
        }
        continue;
      }
      Optional<FunctionDef> def = definition(site.module(), block);
      if (def.isPresent()) {
        for (String decorator : def.get().decorators()) {
          if (decorator.endsWith("middleware") || decorator.endsWith("before_request")) {
            return Optional.of("in middleware " + block.name() + " (@" + decorator + ")");
          }
        }
      }
      Optional<String> registered = functionRegistered(modules, block.name());
      if (registered.isPresent()) {
        return registered;
      }
    }
    if (!enclosing.isEmpty() && enclosing.get(0).kind() == Blocks.Kind.DEF) {
      return decoratesEveryHandler(context, codebase, enclosing.get(0).name());
    }
    return Optional.empty();
  }

  private static Optional<FunctionDef> definition(PythonModule module, Blocks.Block block) {
    FunctionDef best = null;
    for (FunctionDef def : module.functions()) {
      if (def.name().equals(block.name())
          && def.line() <= block.line()
          && (best == null || def.line() > best.line())) {
        best = def;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<String> classRegistered(List<PythonModule> modules, String name) {
    for (PythonModule module : modules) {
      for (Call call : module.calls()) {
        boolean registers =
            call.name().equals("add_middleware") || call.name().equals("Middleware");
        if (registers && !call.positional().isEmpty() && names(call.positional().get(0), name)) {
          return Optional.of(
              "in middleware class " + name + " (" + module.path() + ":" + call.line() + ")");
        }
      }
      for (Assignment assignment : module.assignments()) {
        if (assignment.name().equals("MIDDLEWARE")
            && assignment.value() instanceof PyValue.Seq seq
            && seq.items().stream()
                .anyMatch(i -> i instanceof PyValue.Str s && s.value().endsWith("." + name))) {
          return Optional.of("in middleware class " + name + " (MIDDLEWARE)");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> functionRegistered(List<PythonModule> modules, String name) {
    for (PythonModule module : modules) {
      for (Call call : module.calls()) {
        boolean dispatch =
            call.name().equals("add_middleware")
                && call.keyword("dispatch").filter(v -> names(v, name)).isPresent();
        boolean hook =
            (call.name().equals("before_request") || call.name().equals("middleware"))
                && call.positional().stream().anyMatch(v -> names(v, name));
        if (dispatch || hook) {
          return Optional.of(
              "in middleware " + name + " (" + module.path() + ":" + call.line() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> decoratesEveryHandler(
      RuleContext context, PythonCodebase codebase, String decorator) {
    List<LambdaHandlers.Handler> handlers = context.fact(LambdaHandlers.FACT);
    if (handlers.isEmpty()) {
      return Optional.empty();
    }
    for (LambdaHandlers.Handler handler : handlers) {
      Optional<PythonModule> module = codebase.module(handler.path());
      boolean decorated =
          module.isPresent()
              && module.get().functions().stream()
                  .filter(f -> f.name().equals(handler.function()) && !f.method())
                  .anyMatch(
                      f ->
                          f.decorators().stream()
                              .anyMatch(d -> d.equals(decorator) || d.endsWith("." + decorator)));
      if (!decorated) {
        return Optional.empty();
      }
    }
    return Optional.of("by decorator " + decorator + " on every Lambda handler");
  }

  private static boolean names(PyValue value, String name) {
    return value instanceof PyValue.Name n
        && (n.dotted().equals(name) || n.dotted().endsWith("." + name));
  }
}
