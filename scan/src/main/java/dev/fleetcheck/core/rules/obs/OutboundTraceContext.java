package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.TraceInstrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PY-OBS-034: trace context reaches every outbound HTTP call. Applies when product code calls an
 * HTTP client (requests, httpx, urllib's urlopen, aiohttp, urllib3). PASS when each library used is
 * instrumented ({@link TraceInstrumentation}): its OpenTelemetry instrumentor is called,
 * auto-instrumentation runs, X-Ray patches it ({@code patch_all()}, {@code patch([...])} naming it,
 * powertools {@code Tracer()}; X-Ray propagation counts by decision D16), or the modules that use
 * it call {@code propagate.inject}. FAIL per library left uninstrumented.
 */
public final class OutboundTraceContext implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-034",
              Set.of(Profile.API, Profile.LAMBDA),
              "Instrument every HTTP client so trace context propagates: e.g."
                  + " RequestsInstrumentor().instrument(), HTTPXClientInstrumentor().instrument(), or"
                  + " run under opentelemetry-instrument (X-Ray: patch_all()).")
          .defined(
              "PASS when every HTTP client library product code calls (requests, "
                  + "httpx, urllib's `urlopen`, aiohttp, urllib3) is instrumented for "
                  + "propagation: its OpenTelemetry instrumentor (`URLLib3Instrumentor` "
                  + "also covers requests), auto-instrumentation, X-Ray patching "
                  + "(`patch_all()`, `patch([...])` naming it, powertools `Tracer()` unless "
                  + "`auto_patch=False`; X-Ray propagation counts, decision D16; aiohttp "
                  + "needs `aws_xray_trace_config`), or `inject` from the OpenTelemetry "
                  + "propagation API in every module that uses it. FAIL per uncovered "
                  + "library at its first call; no outbound HTTP is NOT_APPLICABLE",
              Effort.MEDIUM);

  /** A client library: how its calls look and what instruments it. */
  private record Library(
      String name, List<String> prefixes, Set<String> instrumentors, Set<String> xray) {}

  private static final List<Library> LIBRARIES =
      List.of(
          new Library(
              "requests",
              List.of("requests."),
              Set.of("RequestsInstrumentor", "URLLib3Instrumentor"),
              Set.of("requests", "httplib")),
          new Library(
              "httpx", List.of("httpx."), Set.of("HTTPXClientInstrumentor"), Set.of("httpx")),
          new Library(
              "urllib",
              List.of("urllib.request.urlopen", "urllib.request.Request"),
              Set.of("URLLibInstrumentor"),
              Set.of("httplib")),
          new Library(
              "aiohttp",
              List.of("aiohttp.ClientSession", "aiohttp.request"),
              Set.of("AioHttpClientInstrumentor", "aws_xray_trace_config"),
              Set.of()),
          new Library(
              "urllib3", List.of("urllib3."), Set.of("URLLib3Instrumentor"), Set.of("httplib")));

  /**
   * The first part of every library prefix: a callee's first part is a name its module spells (in
   * the call or the import it resolves through), so a module spelling none of them calls none.
   */
  private static final Set<String> LIBRARY_ROOTS =
      LIBRARIES.stream()
          .flatMap(library -> library.prefixes().stream())
          .map(prefix -> prefix.substring(0, prefix.indexOf('.')))
          .collect(Collectors.toUnmodifiableSet());

  /** The first characters of every library prefix: most callees start with none of them. */
  private static final String FIRST_CHARS =
      LIBRARIES.stream()
          .flatMap(library -> library.prefixes().stream())
          .map(prefix -> prefix.substring(0, 1))
          .distinct()
          .reduce("", String::concat);

  /** Whether the module calls OpenTelemetry's inject. */
  private static boolean injects(PythonModule module) {
    // The call's name is its resolved callee's last part, spelled in the module.
    if (!module.mentions("inject")) {
      return false;
    }
    for (Call call : module.calls()) {
      if (call.callee().startsWith("opentelemetry") && call.name().equals("inject")) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String callee, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (callee.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    // Indexed by the library's place in LIBRARIES (a record's hash walks all its lists), with the
    // libraries in the order their first call was met.
    Evidence[] firstCall = new Evidence[LIBRARIES.size()];
    Boolean[] injected = new Boolean[LIBRARIES.size()];
    List<Integer> order = new ArrayList<>();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      if (!module.mentionsAny(LIBRARY_ROOTS)) {
        continue;
      }
      Boolean injects = null;
      for (Call call : module.calls()) {
        if (call.callee().isEmpty() || FIRST_CHARS.indexOf(call.callee().charAt(0)) < 0) {
          continue;
        }
        for (int l = 0; l < LIBRARIES.size(); l++) {
          if (startsWithAny(call.callee(), LIBRARIES.get(l).prefixes())) {
            if (firstCall[l] == null) {
              firstCall[l] = Evidence.at(module.path(), call.line(), call.written() + "(...)");
              order.add(l);
            }
            if (injects == null) {
              injects = injects(module);
            }
            injected[l] = injected[l] == null ? injects : injected[l] && injects;
          }
        }
      }
    }
    if (order.isEmpty()) {
      return Outcome.notApplicable("product code makes no outbound HTTP call");
    }
    TraceInstrumentation tracing = context.fact(TraceInstrumentation.FACT);
    Optional<Evidence> everything = tracing.auto().or(tracing::xrayPatchesAll);
    List<Evidence> covered = new ArrayList<>();
    List<Evidence> findings = new ArrayList<>();
    for (int l : order) {
      Library library = LIBRARIES.get(l);
      Optional<Evidence> how =
          library.instrumentors().stream()
              .map(tracing::called)
              .flatMap(Optional::stream)
              .findFirst();
      if (how.isEmpty() && !library.xray().isEmpty()) {
        how = everything;
        if (how.isEmpty() && tracing.xrayPatched().stream().anyMatch(library.xray()::contains)) {
          how = Optional.of(Evidence.repository("X-Ray patch([...]) names " + library.name()));
        }
      } else if (how.isEmpty()) {
        how = tracing.auto();
      }
      if (how.isEmpty() && injected[l]) {
        how = Optional.of(Evidence.repository(library.name() + " calls inject trace headers"));
      }
      if (how.isPresent()) {
        covered.add(how.get());
      } else {
        Evidence first = firstCall[l];
        findings.add(
            Evidence.at(
                first.path(),
                first.line(),
                library.name()
                    + " calls carry no trace context: no instrumentor, auto-instrumentation or"
                    + " X-Ray patch covers "
                    + library.name()));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    return Outcome.pass(covered);
  }
}
