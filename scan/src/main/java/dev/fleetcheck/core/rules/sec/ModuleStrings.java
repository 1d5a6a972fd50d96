package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The string literals a module's facts hold (assigned, paired with a key, passed to a call), each
 * with its line. Strings inside comments or docstrings never show up, nor do f-strings.
 */
final class ModuleStrings {

  /** One literal string value on a line. */
  record Literal(String value, int line) {}

  private ModuleStrings() {}

  static List<Literal> of(PythonModule module) {
    List<Literal> list = new ArrayList<>();
    for (Assignment assignment : module.assignments()) {
      add(assignment.value(), assignment.line(), list);
    }
    for (LiteralPair pair : module.literalPairs()) {
      add(pair.value(), pair.line(), list);
    }
    for (Call call : module.calls()) {
      call.positional().forEach(v -> add(v, call.line(), list));
      call.keywords().values().forEach(v -> add(v, call.line(), list));
    }
    return list;
  }

  /**
   * The first literal of {@link #of} whose value passes {@code test}, found without listing the
   * rest: for the checks that only ask whether one exists.
   */
  static Optional<Literal> first(PythonModule module, Predicate<String> test) {
    // Indexed, and no view of an empty keyword map: most calls have few arguments or none.
    List<Assignment> assignments = module.assignments();
    for (int i = 0; i < assignments.size(); i++) {
      String found = find(assignments.get(i).value(), test);
      if (found != null) {
        return Optional.of(new Literal(found, assignments.get(i).line()));
      }
    }
    List<LiteralPair> pairs = module.literalPairs();
    for (int i = 0; i < pairs.size(); i++) {
      String found = find(pairs.get(i).value(), test);
      if (found != null) {
        return Optional.of(new Literal(found, pairs.get(i).line()));
      }
    }
    List<Call> calls = module.calls();
    for (int c = 0; c < calls.size(); c++) {
      Call call = calls.get(c);
      List<PyValue> positional = call.positional();
      for (int i = 0; i < positional.size(); i++) {
        String found = find(positional.get(i), test);
        if (found != null) {
          return Optional.of(new Literal(found, call.line()));
        }
      }
      if (call.keywords().isEmpty()) {
        continue;
      }
      for (PyValue value : call.keywords().values()) {
        String found = find(value, test);
        if (found != null) {
          return Optional.of(new Literal(found, call.line()));
        }
      }
    }
    return Optional.empty();
  }

  /** The first string in {@code value}, in the order {@link #add} lists them, passing the test. */
  private static String find(PyValue value, Predicate<String> test) {
    if (value instanceof PyValue.Str str) {
      return test.test(str.value()) ? str.value() : null;
    }
    if (value instanceof PyValue.Seq seq) {
      for (PyValue item : seq.items()) {
        String found = find(item, test);
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof PyValue.Dict dict) {
      for (PyValue.Entry entry : dict.entries()) {
        String found = find(entry.value(), test);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void add(PyValue value, int line, List<Literal> list) {
    if (value instanceof PyValue.Str str) {
      list.add(new Literal(str.value(), line));
    } else if (value instanceof PyValue.Seq seq) {
      seq.items().forEach(v -> add(v, line, list));
    } else if (value instanceof PyValue.Dict dict) {
      dict.entries().forEach(e -> add(e.value(), line, list));
    }
  }

  /** The dotted name a written name stands for, its first part resolved through the imports. */
  static String resolve(PythonModule module, String written) {
    int dot = written.indexOf('.');
    String head = dot < 0 ? written : written.substring(0, dot);
    String resolved = module.imports().get(head);
    if (resolved == null) {
      return written;
    }
    return dot < 0 ? resolved : resolved + written.substring(dot);
  }
}
