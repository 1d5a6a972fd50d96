package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output that assumes a terminal (RULES-NEXT family F5, PY-BEH-010's signals): {@code
 * os.get_terminal_size()} with no {@code except OSError} (or broader) later in its function; raw
 * ANSI escapes written by {@code print}/{@code sys.stdout.write} in a module that never checks
 * {@code isatty()}, {@code NO_COLOR}, {@code FORCE_COLOR} or {@code TERM}; {@code curses.initscr()}
 * or {@code curses.wrapper(...)} in such a module. The token stream is read only for modules a call
 * already chose.
 */
public final class TerminalAssumptions implements ModuleCheck {

  private static final Pattern ANSI =
      Pattern.compile("\\\\(?:x1[bB]|033|u001[bB]|U0000001[bB]|e)\\[");
  private static final Set<String> GUARDS =
      Set.of("OSError", "IOError", "EnvironmentError", "Exception", "BaseException");
  private static final Set<String> TERMINAL_VARIABLES = Set.of("NO_COLOR", "FORCE_COLOR", "TERM");

  private final PythonCodebase codebase;

  public TerminalAssumptions(PythonCodebase codebase) {
    this.codebase = codebase;
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    Set<String> ansiConstants = new HashSet<>();
    for (Assignment assignment : module.assignments()) {
      if (assignment.value() instanceof PyValue.Str str && str.value().contains("\u001b[")) {
        ansiConstants.add(assignment.target());
      }
    }
    StreamWrites writes = StreamWrites.of(module);
    List<Call> sizes = new ArrayList<>();
    List<Call> raw = new ArrayList<>();
    List<Call> curses = new ArrayList<>();
    for (Call call : module.calls()) {
      String callee = call.callee();
      if (callee.equals("os.get_terminal_size")) {
        sizes.add(call);
      } else if (callee.equals("curses.initscr") || callee.equals("curses.wrapper")) {
        curses.add(call);
      } else if ((callee.equals("print") || callee.equals("sys.stdout.write"))
          && writes.stream(call).filter(s -> s == StreamWrites.Stream.STDOUT).isPresent()
          && call.positional().stream().anyMatch(v -> ansi(v, ansiConstants))) {
        raw.add(call);
      }
    }
    if (sizes.isEmpty() && raw.isEmpty() && curses.isEmpty()) {
      return List.of();
    }
    Optional<Blocks> found = codebase.blocks(module.path());
    if (found.isEmpty()) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    Blocks blocks = found.get();
    for (Call call : sizes) {
      if (!guarded(blocks, call.line())) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "os.get_terminal_size() raises OSError when stdout is piped and nothing catches"
                    + " it (shutil.get_terminal_size() is the safe form)"));
      }
    }
    if (!raw.isEmpty() || !curses.isEmpty()) {
      if (!checksTerminal(blocks.tokens())) {
        for (Call call : raw) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written()
                      + " writes raw ANSI escapes and the module never checks isatty(),"
                      + " NO_COLOR or TERM"));
        }
        for (Call call : curses) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.callee() + " starts a full-screen UI without an isatty() check"));
        }
      }
    }
    findings.sort(null);
    return findings;
  }

  private static boolean ansi(PyValue value, Set<String> constants) {
    if (value instanceof PyValue.Str str) {
      return str.value().contains("\u001b[");
    }
    if (value instanceof PyValue.Name name) {
      return constants.contains(name.dotted());
    }
    if (value instanceof PyValue.Expr expr) {
      if (ANSI.matcher(expr.text()).find()) {
        return true;
      }
      for (String word : expr.text().split("[^A-Za-z0-9_.]+")) {
        if (constants.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** An except clause naming OSError or broader, after the call, in the call's function. */
  private static boolean guarded(Blocks blocks, int line) {
    Optional<Blocks.Block> def = blocks.enclosingDef(line);
    for (Blocks.Block block : blocks.of(Blocks.Kind.EXCEPT)) {
      boolean sameScope =
          def.isPresent()
              ? def.get().spans(block.line())
              : blocks.enclosingDef(block.line()).isEmpty();
      if (sameScope && block.line() > line && catchesOsError(block.name())) {
        return true;
      }
    }
    return false;
  }

  private static boolean catchesOsError(String clause) {
    if (clause.isEmpty()) {
      return true;
    }
    for (String word : clause.split("[^A-Za-z0-9_]+")) {
      if (GUARDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean checksTerminal(Tokens t) {
    for (int i = 0; i < t.size(); i++) {
      if (t.isName(i) && (t.is(i, "isatty") || t.is(i, "is_terminal"))) {
        return true;
      }
      if (t.isKind(i, TokenKind.STRING)) {
        String value = t.stringValue(i);
        if (value != null && TERMINAL_VARIABLES.contains(value)) {
          return true;
        }
      }
    }
    return false;
  }
}
