package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oslo.middleware's {@code RequestId}, the correlation middleware of OpenStack services: it
 * generates {@code req-<uuid4>} for each request, keeps a valid inbound {@code
 * X-OpenStack-Request-ID} as the global request id, and returns {@code x-openstack-request-id} on
 * every response. Seen as an import of it, a paste pipeline or entry point wiring it ({@code
 * oslo_middleware:RequestId} in an {@code .ini} file or setup.cfg), or a module that imports
 * oslo.middleware and names the {@code X-OpenStack-Request-Id} header (keystone loads the
 * middleware through a stevedore entry point and exposes the header in its CORS defaults).
 */
final class OsloRequestId {

  private OsloRequestId() {}

  private static final String MODULE = "oslo_middleware";
  private static final List<String> WIRING =
      List.of("oslo_middleware:RequestId", "oslo_middleware.request_id");
  private static final Pattern HEADER =
      Pattern.compile("x-openstack-request-id", Pattern.CASE_INSENSITIVE);

  /** Where the middleware is seen, once per scan for the rules that ask (PY-OBS-004, -005). */
  private static final Fact<Optional<Seen>> FACT = Fact.of("oslo-request-id", OsloRequestId::seen);

  /** A place that shows the middleware, and what it shows there. */
  private record Seen(String path, int line, String what) {}

  static Optional<Evidence> find(RuleContext context, String message) {
    return context
        .fact(FACT)
        .map(seen -> Evidence.at(seen.path(), seen.line(), seen.what() + " " + message));
  }

  private static Optional<Seen> seen(Facts facts) {
    PythonSources sources = facts.get(PythonSources.FACT);
    boolean anyImport = sources.imports(MODULE).isPresent();
    List<PythonModule> modules = anyImport ? PythonCodebase.of(facts).productModules() : List.of();
    for (PythonModule module : modules) {
      if (!anyImport || !module.mentions(MODULE)) {
        continue;
      }
      boolean imported = false;
      for (String target : module.imports().values()) {
        if (target.equals("oslo_middleware.RequestId")
            || target.startsWith("oslo_middleware.request_id")) {
          return Optional.of(new Seen(module.path(), 1, "oslo.middleware RequestId"));
        }
        imported |= target.startsWith(MODULE);
      }
      if (imported) {
        Optional<String> code = sources.code(module.path());
        if (code.isPresent()) {
          Matcher header = HEADER.matcher(code.get());
          if (header.find()) {
            return Optional.of(
                new Seen(
                    module.path(),
                    TextLines.lineAt(code.get(), header.start()),
                    "X-OpenStack-Request-Id (oslo.middleware RequestId)"));
          }
        }
      }
    }
    ProfileScope scope = facts.get(ProfileScope.FACT);
    for (SourceFile file : facts.snapshot().files()) {
      // The path's suffix first: this loop meets every file of the tree, most of them neither.
      String path = file.path();
      boolean wiringFile =
          path.endsWith(".ini") || path.endsWith("setup.cfg") && file.name().equals("setup.cfg");
      if (!wiringFile || !scope.decides(file)) {
        continue;
      }
      Optional<String> text = facts.snapshot().readText(path);
      if (text.isEmpty()) {
        continue;
      }
      for (String wiring : WIRING) {
        int at = text.get().indexOf(wiring);
        if (at >= 0) {
          return Optional.of(
              new Seen(file.path(), TextLines.lineAt(text.get(), at), "oslo.middleware RequestId"));
        }
      }
    }
    return Optional.empty();
  }
}
