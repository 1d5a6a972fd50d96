package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The exit sites of product code (RULES-NEXT family F4), read once per scan from the calls: {@code
 * sys.exit}, the builtins {@code exit}/{@code quit}, {@code os._exit}, {@code SystemExit(n)},
 * {@code typer.Exit}, click's {@code Exit}, {@code ctx.exit} on a click context and {@code
 * parser.exit} on an argparse parser. A {@code raise SystemExit} without a call and {@code return
 * n} from a console-script function are not read.
 */
final class ExitSites {

  static final Fact<List<ExitSite>> FACT =
      Fact.of(
          "beh.exit-sites",
          facts -> {
            List<ExitSite> sites = new ArrayList<>();
            for (PythonModule module : PythonCodebase.of(facts).productModules()) {
              sites.addAll(of(module));
            }
            return List.copyOf(sites);
          });

  private static final Set<String> EXITS =
      Set.of(
          "sys.exit",
          "os._exit",
          "SystemExit",
          "builtins.SystemExit",
          "typer.Exit",
          "click.exceptions.Exit",
          "click.Exit");
  private static final Set<String> BUILTIN_EXITS = Set.of("exit", "quit");
  private static final Set<String> CONTEXT_NAMES = Set.of("ctx", "context", "click_ctx");
  private static final Set<String> CODE_KEYWORDS = Set.of("code", "status", "exit_code");

  private ExitSites() {}

  /** The exit sites of one module, in source order. */
  static List<ExitSite> of(PythonModule module) {
    List<ExitSite> sites = new ArrayList<>();
    for (Call call : module.calls()) {
      if (isExit(module, call)) {
        sites.add(site(module, call));
      }
    }
    return sites;
  }

  static boolean isExit(PythonModule module, Call call) {
    String callee = call.callee();
    if (EXITS.contains(callee)) {
      return true;
    }
    if (BUILTIN_EXITS.contains(callee) && !module.imports().containsKey(callee)) {
      return true;
    }
    if (!call.name().equals("exit") || call.writtenReceiver().isEmpty()) {
      return false;
    }
    String receiver = call.writtenReceiver();
    if (CONTEXT_NAMES.contains(receiver)
        || call.receiver().equals("click.get_current_context()")
        || call.receiver().equals("typer.get_current_context()")) {
      return true;
    }
    for (Binding binding : module.bindings()) {
      if (binding.name().equals(receiver)
          && (binding.callee().equals("argparse.ArgumentParser")
              || binding.callee().endsWith("get_current_context"))) {
        return true;
      }
    }
    return false;
  }

  private static ExitSite site(PythonModule module, Call call) {
    Optional<PyValue> status = call.positional().stream().findFirst();
    if (status.isEmpty()) {
      status = CODE_KEYWORDS.stream().map(call::keyword).flatMap(Optional::stream).findFirst();
    }
    String form = call.written() + "(...)";
    if (status.isEmpty()) {
      return new ExitSite(module.path(), call.line(), form, OptionalInt.of(0), true);
    }
    return new ExitSite(module.path(), call.line(), form, code(module, status.get()), false);
  }

  /**
   * A literal status, a module constant holding one (bound once, at module level), a message
   * (status 1) or None (0).
   */
  private static OptionalInt code(PythonModule module, PyValue value) {
    if (value instanceof PyValue.Num num) {
      return parse(num.text());
    }
    if (value instanceof PyValue.None) {
      return OptionalInt.of(0);
    }
    if (value instanceof PyValue.Str) {
      return OptionalInt.of(1);
    }
    if (value instanceof PyValue.Name name) {
      // A module constant: bound at module level only, once. A variable a function sets in each
      // branch (exit_code = 6 ... sys.exit(exit_code)) has no one code.
      OptionalInt code = OptionalInt.empty();
      int bindings = 0;
      for (Assignment assignment : module.assignments()) {
        if (assignment.target().equals(name.dotted())) {
          if (++bindings > 1 || module.enclosingDef(assignment.line()).isPresent()) {
            return OptionalInt.empty();
          }
          if (assignment.value() instanceof PyValue.Num num) {
            code = parse(num.text());
          }
        }
      }
      return code;
    }
    return OptionalInt.empty();
  }

  private static OptionalInt parse(String text) {
    try {
      return OptionalInt.of(Integer.parseInt(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
