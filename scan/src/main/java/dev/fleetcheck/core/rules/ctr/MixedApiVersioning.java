package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Route;
import dev.fleetcheck.core.rules.detect.Routes;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-CTR-013 (assisted), the home of the versioning scheme (RULES-NEXT D4): decorator routes
 * ({@link Routes}) whose full path is known, each joined with the literal {@code prefix=}/{@code
 * url_prefix=} of the {@code APIRouter}/{@code Blueprint} it is declared on. When one route is
 * versioned (a segment {@code v<digits>}), a FAIL per route that is not (health, ready, live,
 * metrics, docs, openapi, redoc, static, admin and favicon routes aside) and per route whose
 * version segment sits at another depth than the first. Not judged (MANUAL) when any router is
 * mounted with a prefix ({@code include_router}, {@code register_blueprint}, {@code mount}) or
 * built with a non-literal prefix; query/header versioning, Django URL confs and template events
 * are not read.
 */
public final class MixedApiVersioning implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CTR-013",
              Set.of(Profile.API),
              "Version every public route the same way, e.g. all under /v1/ at the same depth.")
          .defined(
              "FAIL, when one FastAPI/Flask route path has a v<N> segment, per route without one"
                  + " (health/ready/live/metrics/docs/openapi/redoc/static/admin/favicon aside) and"
                  + " per route whose version segment sits at another depth; router prefixes"
                  + " declared on APIRouter/Blueprint count. MANUAL when routers are mounted with a"
                  + " prefix or a prefix is not a literal. NOT_APPLICABLE without a versioned"
                  + " route.",
              Effort.MEDIUM);

  private static final Pattern VERSION = Pattern.compile("v\\d+");
  private static final Set<String> UNVERSIONED =
      Set.of(
          "health",
          "healthz",
          "ready",
          "readyz",
          "live",
          "livez",
          "metrics",
          "docs",
          "openapi",
          "openapi.json",
          "redoc",
          "static",
          "admin",
          "favicon.ico",
          "favicon",
          "ping",
          "");
  private static final Set<String> MOUNTS = Set.of("include_router", "register_blueprint", "mount");
  private static final Set<String> ROUTERS =
      Set.of(
          "fastapi.APIRouter", "fastapi.routing.APIRouter", "flask.Blueprint", "quart.Blueprint");

  private record Located(String path, int line, String full) {}

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  /** A router or blueprint mounted under a prefix; a mount is called by its spelled name. */
  private static boolean mountsUnderPrefix(PythonModule module) {
    if (!module.mentionsAny(MOUNTS)) {
      return false;
    }
    for (Call call : module.calls()) {
      if (MOUNTS.contains(call.name())
          && (call.hasKeyword("prefix") || call.hasKeyword("url_prefix"))) {
        return true;
      }
    }
    return false;
  }

  private Outcome judge(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    List<Located> routes = new ArrayList<>();
    for (PythonModule module : modules) {
      if (mountsUnderPrefix(module)) {
        return Outcome.noEvidentViolation();
      }
      for (Route route : Routes.of(module)) {
        Optional<String> prefix = prefix(module, route);
        if (prefix.isEmpty()) {
          return Outcome.noEvidentViolation();
        }
        route
            .path()
            .ifPresent(
                p ->
                    routes.add(
                        new Located(module.path(), route.decorator().line(), prefix.get() + p)));
      }
    }
    Optional<Located> first = routes.stream().filter(r -> depth(r.full()) >= 0).findFirst();
    if (first.isEmpty()) {
      return Outcome.notApplicable("no versioned route (no path segment v<N>)");
    }
    int depth = depth(first.get().full());
    List<Evidence> findings = new ArrayList<>();
    for (Located route : routes) {
      int own = depth(route.full());
      if (own < 0 && !UNVERSIONED.contains(firstSegment(route.full()))) {
        findings.add(
            Evidence.at(
                route.path(),
                route.line(),
                route.full() + " is unversioned while " + first.get().full() + " is versioned"));
      } else if (own >= 0 && own != depth) {
        findings.add(
            Evidence.at(
                route.path(),
                route.line(),
                route.full() + " puts its version at another depth than " + first.get().full()));
      }
    }
    return Outcome.assisted(findings);
  }

  /** The literal prefix of the router the route is declared on; empty when not a literal. */
  private static Optional<String> prefix(PythonModule module, Route route) {
    String receiver = route.decorator().receiver();
    for (Binding binding : module.bindings()) {
      if (binding.name().equals(receiver) && ROUTERS.contains(binding.callee())) {
        for (Call call : module.calls()) {
          if (call.line() == binding.line() && ROUTERS.contains(call.callee())) {
            Optional<PyValue> prefix = call.keyword("prefix").or(() -> call.keyword("url_prefix"));
            if (prefix.isEmpty()) {
              return Optional.of("");
            }
            return prefix.get() instanceof PyValue.Str str
                ? Optional.of(str.value().replaceAll("/+$", ""))
                : Optional.empty();
          }
        }
      }
    }
    return Optional.of("");
  }

  /** The index of the first v<N> segment, -1 when none. */
  private static int depth(String path) {
    String[] segments = path.replaceFirst("^/+", "").split("/");
    for (int i = 0; i < segments.length; i++) {
      if (VERSION.matcher(segments[i]).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static String firstSegment(String path) {
    return path.replaceFirst("^/+", "").split("/")[0];
  }
}
