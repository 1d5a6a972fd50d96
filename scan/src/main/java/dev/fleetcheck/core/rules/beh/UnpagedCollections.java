package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.PyValue;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-BEH-018 (assisted): a GET collection route without pagination. A decorator route answering GET
 * whose {@code response_model=} or return annotation is {@code list[...]}, {@code List[...]} or
 * {@code Sequence[...]} and whose signature and body name none of {@code limit}, {@code offset},
 * {@code skip}, {@code page}, {@code page_size}, {@code per_page}, {@code cursor}, {@code after},
 * {@code before}, {@code next_token} nor fastapi-pagination's {@code Page[...]}/{@code paginate}.
 * DRF list views and Lambda handlers are not read; filtering and sorting stay with the reviewer.
 */
public final class UnpagedCollections implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-018",
              Set.of(Profile.API),
              "Page every collection endpoint (limit/offset or a cursor, e.g. fastapi-pagination's"
                  + " Page[Item]) with a stable default sort.")
          .defined(
              "FAIL per FastAPI/Flask GET route whose response_model or return annotation is"
                  + " list[...]/List[...]/Sequence[...] and whose signature and body name no"
                  + " limit/offset/skip/page/page_size/per_page/cursor/after/before/next_token nor"
                  + " Page[...]/paginate. DRF list views and Lambda handlers are not read."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Pattern COLLECTION =
      Pattern.compile("^(?:typing\\.)?(?:list|List|Sequence|Iterable)\\[");
  private static final Pattern RETURNS_COLLECTION =
      Pattern.compile("->\\s*(?:typing\\.)?(?:list|List|Sequence|Iterable)\\[");
  private static final Pattern PAGED =
      Pattern.compile(
          "\\b(?:limit|offset|skip|page|page_size|per_page|cursor|after|before|next_token|"
              + "paginate|Page|LimitOffsetPage|CursorPage|Params)\\b");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, UnpagedCollections::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    List<Route> gets = Routes.of(module).stream().filter(r -> r.methods().contains("GET")).toList();
    if (gets.isEmpty()) {
      return List.of();
    }
    Optional<Blocks> blocks = codebase.blocks(module.path());
    if (blocks.isEmpty()) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    for (Route route : gets) {
      Optional<Blocks.Block> def =
          blocks.get().of(Blocks.Kind.DEF).stream()
              .filter(d -> d.line() == route.function().line())
              .findFirst();
      if (def.isEmpty()) {
        continue;
      }
      boolean modelled = collectionModel(route);
      boolean annotated = RETURNS_COLLECTION.matcher(def.get().header()).find();
      if (!modelled && !annotated) {
        continue;
      }
      String signatureAndBody = def.get().header() + "\n" + blocks.get().bodyText(def.get());
      if (!PAGED.matcher(signatureAndBody).find()) {
        findings.add(
            Evidence.at(
                module.path(),
                route.decorator().line(),
                "GET "
                    + route.path().orElse(route.function().name())
                    + " returns a whole collection: no limit, offset, page or cursor"));
      }
    }
    return findings;
  }

  private static boolean collectionModel(Route route) {
    return route
        .decorator()
        .keyword("response_model")
        .filter(v -> COLLECTION.matcher(text(v)).find())
        .isPresent();
  }

  private static String text(PyValue value) {
    if (value instanceof PyValue.Expr expr) {
      return expr.text().strip();
    }
    return "";
  }
}
