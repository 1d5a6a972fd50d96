package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.Route;
import dev.fleetcheck.core.rules.detect.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-014 (assisted): HTTP methods that contradict what the handler does. (a) A decorator route
 * answering only GET/HEAD whose body writes: SQLAlchemy {@code session.add|delete|merge|commit},
 * Django {@code .save()}/{@code .delete()} without arguments, {@code objects.create|get_or_create|
 * update_or_create}, a queryset {@code .update(...)}, boto3 {@code put_item|update_item|
 * delete_item|put_object|delete_object|send_message|publish}. (b) A route path with a verb segment
 * ({@code /create}, {@code /delete}, {@code /update}, {@code /remove}, {@code /edit}). DRF views
 * and SAM events are not read ({@link Routes}).
 */
public final class WritingReadRoutes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-014",
              Set.of(Profile.API),
              "Let the HTTP method carry the verb: read with GET, create with POST, replace with"
                  + " PUT, change with PATCH, remove with DELETE; never write inside a GET handler.")
          .defined(
              "FAIL per FastAPI/Flask decorator route answering only GET/HEAD whose body writes"
                  + " (session.add/delete/merge/commit, Django save()/delete()/objects.create...,"
                  + " queryset update, boto3 put_item/update_item/delete_item/put_object/"
                  + "delete_object/send_message/publish), and per route path with a /create,"
                  + " /delete, /update, /remove or /edit segment. Django URL confs and DRF views are"
                  + " not read. NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> VERB_SEGMENTS =
      Set.of("create", "delete", "update", "remove", "edit");
  private static final Set<String> SESSION_WRITES = Set.of("add", "delete", "merge", "commit");
  private static final Set<String> MANAGER_WRITES =
      Set.of("create", "get_or_create", "update_or_create", "bulk_create");
  private static final Set<String> AWS_WRITES =
      Set.of(
          "put_item",
          "update_item",
          "delete_item",
          "put_object",
          "delete_object",
          "send_message",
          "publish");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, WritingReadRoutes::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    List<Route> routes = Routes.of(module);
    List<Evidence> findings = new ArrayList<>();
    for (Route route : routes) {
      route
          .path()
          .flatMap(WritingReadRoutes::verbSegment)
          .ifPresent(
              verb ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          route.decorator().line(),
                          "route path "
                              + route.path().get()
                              + " carries the verb '"
                              + verb
                              + "': let the HTTP method say it")));
    }
    List<Route> reads = routes.stream().filter(Route::readOnly).toList();
    if (!reads.isEmpty() && module.calls().stream().anyMatch(WritingReadRoutes::writes)) {
      Optional<Blocks> blocks = codebase.blocks(module.path());
      for (Route route : reads) {
        Optional<Blocks.Block> def =
            blocks.flatMap(
                b ->
                    b.of(Blocks.Kind.DEF).stream()
                        .filter(d -> d.line() == route.function().line())
                        .findFirst());
        if (def.isEmpty()) {
          continue;
        }
        module.calls().stream()
            .filter(c -> c.line() > def.get().line() && c.line() <= def.get().lastLine())
            .filter(WritingReadRoutes::writes)
            .findFirst()
            .ifPresent(
                c ->
                    findings.add(
                        Evidence.at(
                            module.path(),
                            c.line(),
                            "GET route "
                                + route.function().name()
                                + " writes ("
                                + c.written()
                                + "): use POST, PUT, PATCH or DELETE")));
      }
    }
    findings.sort(null);
    return findings;
  }

  private static Optional<String> verbSegment(String path) {
    for (String segment : path.split("/")) {
      String lower = segment.toLowerCase(Locale.ROOT);
      if (VERB_SEGMENTS.contains(lower)) {
        return Optional.of(lower);
      }
    }
    return Optional.empty();
  }

  private static boolean writes(Call call) {
    String name = call.name();
    String receiver = call.writtenReceiver();
    String last = receiver.substring(receiver.lastIndexOf('.') + 1);
    if (SESSION_WRITES.contains(name) && last.toLowerCase(Locale.ROOT).endsWith("session")) {
      return true;
    }
    if ((name.equals("save") || name.equals("delete"))
        && !receiver.isEmpty()
        && call.positional().isEmpty()
        && call.keywords().isEmpty()
        && !SESSION_WRITES.contains(last)) {
      return true;
    }
    if (MANAGER_WRITES.contains(name) && last.equals("objects")) {
      return true;
    }
    if (name.equals("update") && (receiver.contains("objects.") || receiver.contains("filter()"))) {
      return true;
    }
    return AWS_WRITES.contains(name) && !receiver.isEmpty();
  }
}
