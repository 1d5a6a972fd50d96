package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-BEH-019 (assisted): a page read without an order. (a) A SQLAlchemy/SQLModel chain starting at
 * {@code select(...)} or {@code <session>.query(...)} that calls {@code .offset()} or {@code
 * .limit()} and no {@code .order_by()} anywhere in the chain; (b) Django's {@code
 * Paginator(<queryset>, n)} whose queryset expression has no {@code order_by} when no model in
 * product code declares {@code ordering}. A statement ordered on an earlier line through a variable
 * is not judged (its chain does not start at select/query); DRF views are not read.
 */
public final class UnorderedPages implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-019",
              Set.of(Profile.API),
              "Order every paged query on a unique key (e.g. .order_by(Item.created_at, Item.id))"
                  + " so pages neither repeat nor skip rows.")
          .defined(
              "FAIL per SQLAlchemy/SQLModel chain from select(...) or session.query(...) with"
                  + " .offset()/.limit() and no .order_by() in the chain, and per Django"
                  + " Paginator(queryset) without order_by when no model declares Meta.ordering."
                  + " Variables ordered on another line and DRF views are not judged."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> PAGING_NAMES = Set.of("Paginator", "limit", "offset");
  private static final Set<String> SELECTS =
      Set.of(
          "sqlalchemy.select",
          "sqlmodel.select",
          "sqlalchemy.future.select",
          "sqlalchemy.sql.select");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    boolean modelOrdering = modelOrdering(modules);
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // Every finding is a Paginator, limit or offset call, whose last name the code spells.
      if (module.mentionsAny(PAGING_NAMES)) {
        findings.addAll(findings(module, modelOrdering));
      }
    }
    return Outcome.assisted(findings);
  }

  /** Whether some assignment sets a name ending in "ordering" (a model's Meta.ordering). */
  private static boolean modelOrdering(List<PythonModule> modules) {
    for (PythonModule module : modules) {
      // The target's last name is spelled where it is assigned.
      if (!module.mentions("ordering")) {
        continue;
      }
      for (Assignment assignment : module.assignments()) {
        String target = assignment.target();
        if (target.equals("ordering") || target.endsWith(".ordering")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Evidence> findings(PythonModule module, boolean modelOrdering) {
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.callee().equals("django.core.paginator.Paginator")
          && !modelOrdering
          && !call.positional().isEmpty()
          && call.positional().get(0) instanceof PyValue.Expr expr
          && expr.text().contains(".objects")
          && !expr.text().contains("order_by")) {
        findings.add(
            Evidence.at(
                module.path(), call.line(), "Paginator pages a queryset that has no order_by"));
        continue;
      }
      if (!(call.name().equals("limit") || call.name().equals("offset"))
          || !fromQuery(module, call)) {
        continue;
      }
      if (startsLongerPage(module, call)) {
        continue;
      }
      String chain = chainOf(module, call);
      if (!chain.contains("order_by")) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "query pages with ."
                    + call.name()
                    + "() but never orders: pages may repeat or skip rows"));
      }
    }
    return findings;
  }

  private static boolean fromQuery(PythonModule module, Call call) {
    String callee = call.callee();
    int paren = callee.indexOf("()");
    if (paren < 0) {
      return false;
    }
    String root = callee.substring(0, paren);
    return SELECTS.contains(root) || root.endsWith(".query") || root.equals("query");
  }

  /** Report a chain once: skip a limit()/offset() that another limit()/offset() in it extends. */
  private static boolean startsLongerPage(PythonModule module, Call call) {
    String prefix = call.callee() + "()";
    for (Call other : module.calls()) {
      if (other.callee().startsWith(prefix)
          && (other.name().equals("limit") || other.name().equals("offset"))) {
        return true;
      }
    }
    return false;
  }

  /** The callee of the longest chain that extends {@code call}. */
  private static String chainOf(PythonModule module, Call call) {
    String longest = call.callee();
    String prefix = call.callee() + "()";
    for (Call other : module.calls()) {
      if (other.callee().startsWith(prefix) && other.callee().length() > longest.length()) {
        longest = other.callee();
      }
    }
    return longest;
  }
}
