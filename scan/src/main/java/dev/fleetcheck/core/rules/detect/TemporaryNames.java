package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names that stand for a temporary file or folder (PY-TUI-006 exempts deleting them, PY-IO-001
 * writing them): read from one module's bindings, for the few modules a check has chosen.
 */
public final class TemporaryNames {

  private static final Pattern DOTTED =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private TemporaryNames() {}

  /**
   * The names that stand for something from {@code tempfile}: the module's own names for it ({@code
   * tempfile}, {@code mkdtemp} after {@code from tempfile import mkdtemp}), names bound to a
   * tempfile call, and names bound to a call whose arguments mention one of these ({@code
   * Path(tempfile.mkdtemp())}, {@code Path(dest.name)} after {@code with NamedTemporaryFile() as
   * dest}).
   */
  public static Set<String> of(PythonModule module) {
    Set<String> temporary = new HashSet<>();
    module
        .imports()
        .forEach(
            (local, dotted) -> {
              if (dotted.equals("tempfile") || dotted.startsWith("tempfile.")) {
                temporary.add(local);
              }
            });
    if (temporary.isEmpty()) {
      return temporary;
    }
    List<Binding> derived = new ArrayList<>();
    for (Binding binding : module.bindings()) {
      if (binding.callee().startsWith("tempfile.")) {
        temporary.add(binding.name());
      } else {
        derived.add(binding);
      }
    }
    if (derived.isEmpty()) {
      return temporary;
    }
    Map<Integer, List<Call>> callsByLine = new HashMap<>();
    for (Call call : module.calls()) {
      callsByLine.computeIfAbsent(call.line(), l -> new ArrayList<>()).add(call);
    }
    // Two rounds follow a name derived from a derived name (dest -> dest_path -> ...).
    for (int round = 0; round < 2; round++) {
      for (Binding binding : derived) {
        if (temporary.contains(binding.name())) {
          continue;
        }
        for (Call call : callsByLine.getOrDefault(binding.line(), List.of())) {
          if (call.callee().equals(binding.callee()) && argumentsMention(call, temporary)) {
            temporary.add(binding.name());
            break;
          }
        }
      }
    }
    return temporary;
  }

  private static boolean argumentsMention(Call call, Set<String> names) {
    for (PyValue value : call.positional()) {
      if (mentions(ModuleValues.text(value), names)) {
        return true;
      }
    }
    for (PyValue value : call.keywords().values()) {
      if (mentions(ModuleValues.text(value), names)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a dotted name in {@code text}, or a leading part of one, is in {@code names}. */
  public static boolean mentions(String text, Set<String> names) {
    if (names.isEmpty() || text.isEmpty()) {
      return false;
    }
    Matcher dotted = DOTTED.matcher(text);
    while (dotted.find()) {
      String name = dotted.group();
      if (names.contains(name)) {
        return true;
      }
      for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
        if (names.contains(name.substring(0, dot))) {
          return true;
        }
      }
    }
    return false;
  }
}
