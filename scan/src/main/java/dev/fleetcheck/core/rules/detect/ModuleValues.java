package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a value in a module stands for, as far as the token stream tells: a string literal, or a
 * name assigned a string literal in the same module (RULES-NEXT.md: "a module-level constant
 * holding a literal counts as that literal").
 */
public final class ModuleValues {

  private ModuleValues() {}

  /**
   * The string a value is or names; empty when it is not known to be a literal. A check asking this
   * of many values of one module uses {@link StringConstants}, which gives the same answer.
   */
  public static Optional<String> string(PythonModule module, PyValue value) {
    if (value instanceof PyValue.Str str) {
      return Optional.of(str.value());
    }
    if (value instanceof PyValue.Name name) {
      for (Assignment assignment : module.assignments()) {
        if (assignment.target().equals(name.dotted())
            && assignment.value() instanceof PyValue.Str s) {
          return Optional.of(s.value());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a value is a literal or a name assigned only literals in the module. */
  public static boolean literal(PythonModule module, PyValue value) {
    if (value instanceof PyValue.Str
        || value instanceof PyValue.Num
        || value instanceof PyValue.Bool
        || value instanceof PyValue.None) {
      return true;
    }
    return value instanceof PyValue.Name && string(module, value).isPresent();
  }

  /** The names bound to the result of one of {@code factories}: {@code s = requests.Session()}. */
  public static Set<String> namesBoundTo(PythonModule module, Set<String> factories) {
    Set<String> names = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (factories.contains(binding.callee())) {
        names.add(binding.name());
      }
    }
    return names;
  }

  /** The call to a factory in {@code factories} on the line a binding was made. */
  public static Optional<Call> factoryCall(PythonModule module, Binding binding) {
    return module.calls().stream()
        .filter(c -> c.line() == binding.line() && c.callee().equals(binding.callee()))
        .findFirst();
  }

  /**
   * The source text of a value, for matching expressions the token stream keeps as text; displays
   * give their items' texts.
   */
  public static String text(PyValue value) {
    if (value instanceof PyValue.Str s) {
      return s.value();
    }
    if (value instanceof PyValue.Name n) {
      return n.dotted();
    }
    if (value instanceof PyValue.Seq seq) {
      return String.join(", ", seq.items().stream().map(ModuleValues::text).toList());
    }
    if (value instanceof PyValue.Dict dict) {
      return String.join(
          ", ", dict.entries().stream().map(e -> text(e.key()) + ": " + text(e.value())).toList());
    }
    return value instanceof PyValue.Expr e ? e.text() : "";
  }
}
