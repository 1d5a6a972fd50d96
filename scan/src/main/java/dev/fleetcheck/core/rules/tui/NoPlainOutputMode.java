package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-TUI-005 (assisted): CLI code styles its output with a library that does not honour {@code
 * NO_COLOR} by itself (colorama, blessed, raw ANSI escapes in string literals), no CLI option's
 * name contains color, colour, plain, no-rich, ansi or ascii, and no product module reads {@code
 * NO_COLOR} or {@code TERM}. rich, click, termcolor and textual honour {@code NO_COLOR} and are not
 * findings (RULES-NEXT: honouring NO_COLOR is a plain mode). colorama counts where it styles
 * ({@code Fore}, {@code Back}, {@code Style}), not where it only translates escapes for Windows; a
 * bare {@code "\x1b["} only tested for membership ({@code if color in chunk}) writes nothing.
 */
public final class NoPlainOutputMode implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-005",
              Set.of(Profile.CLI),
              "Offer a plain mode: a --no-color option, or honour NO_COLOR (and TERM=dumb) before"
                  + " emitting colour.")
          .defined(
              "FAIL per CLI module styling output with colorama, blessed or raw ANSI escape"
                  + " literals when no CLI option name contains color/colour/plain/no-rich/ansi/"
                  + "ascii and no product module reads NO_COLOR or TERM; an option read as"
                  + " <args>.color == 'off' (or never/no/none/false) counts as one, for options"
                  + " declared outside the code (awscli's cli.json). colorama counts where a"
                  + " module styles with Fore/Back/Style, not where it only translates escapes for"
                  + " Windows (init, just_fix_windows_console, AnsiToWin32, wrap_stream); a bare"
                  + " '\\x1b[' assigned to a name only tested with `in` writes nothing. NOT_APPLICABLE"
                  + " without"
                  + " product code.",
              Effort.LOW);

  private static final Set<String> STYLERS = Set.of("colorama", "blessed");
  private static final List<String> OPTION_WORDS =
      List.of("color", "colour", "plain", "no-rich", "ansi", "ascii");
  private static final String ESC = "\u001b[";
  private static final Pattern COLOUR_OFF =
      Pattern.compile("\\.(?:no_)?colou?r\\s*==\\s*['\"](?:off|never|no|none|false)['\"]");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      styling(codebase, module).ifPresent(findings::add);
    }
    if (findings.isEmpty() || plainOption(context) || readsColourVariables(codebase, modules)) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(findings);
  }

  private static Optional<Evidence> styling(PythonCodebase codebase, PythonModule module) {
    for (String imported : module.imports().values()) {
      int dot = imported.indexOf('.');
      String root = dot < 0 ? imported : imported.substring(0, dot);
      if (STYLERS.contains(root) && (!root.equals("colorama") || coloramaStyles(module))) {
        return Optional.of(
            Evidence.file(
                module.path(),
                "styles output with "
                    + root
                    + ", which ignores NO_COLOR, and the CLI offers no plain mode"));
      }
    }
    for (Call call : module.calls()) {
      for (PyValue value : call.positional()) {
        if (value instanceof PyValue.Str str && str.value().contains(ESC)) {
          return Optional.of(rawAnsi(module, call.line()));
        }
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (assignment.value() instanceof PyValue.Str str
          && str.value().contains(ESC)
          && !marker(codebase, module, assignment, str.value())) {
        return Optional.of(rawAnsi(module, assignment.line()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a module importing colorama styles with it ({@code Fore}, {@code Back}, {@code Style});
   * {@code colorama.init()}, {@code just_fix_windows_console()}, {@code AnsiToWin32} and {@code
   * wrap_stream} only translate escapes that something else wrote, for Windows consoles.
   */
  private static boolean coloramaStyles(PythonModule module) {
    return module.mentionsAny(COLORAMA_STYLES);
  }

  private static final Set<String> COLORAMA_STYLES = Set.of("Fore", "Back", "Style");

  /**
   * A bare escape introducer ({@code color = b'\x1b['}) with no complete sequence, whose name is
   * only tested for membership ({@code if color in chunk}): it looks for escapes, it writes none.
   */
  private static boolean marker(
      PythonCodebase codebase, PythonModule module, Assignment assignment, String value) {
    if (!value.endsWith(ESC) || value.indexOf(ESC) != value.length() - ESC.length()) {
      return false;
    }
    String name = assignment.target();
    if (name.contains(".")) {
      return false;
    }
    Optional<Tokens> tokens = codebase.tokens(module.path());
    if (tokens.isEmpty()) {
      return false;
    }
    Tokens t = tokens.get();
    boolean used = false;
    for (int i = 0; i < t.size(); i++) {
      if (!t.isName(i) || !t.is(i, name) || t.line(i) == assignment.line()) {
        continue;
      }
      if (!t.is(i + 1, "in") || t.isOp(i - 1, '.')) {
        return false;
      }
      used = true;
    }
    return used;
  }

  private static Evidence rawAnsi(PythonModule module, int line) {
    return Evidence.at(
        module.path(), line, "writes raw ANSI escapes and the CLI offers no plain mode");
  }

  private static boolean plainOption(RuleContext context) {
    return context.fact(CliInventory.FACT).options().stream()
        .flatMap(o -> o.names().stream())
        .map(n -> n.toLowerCase(Locale.ROOT))
        .anyMatch(n -> OPTION_WORDS.stream().anyMatch(n::contains));
  }

  private static boolean readsColourVariables(PythonCodebase codebase, List<PythonModule> modules) {
    for (PythonModule module : modules) {
      String text = codebase.text(module.path()).orElse("");
      if (text.contains("NO_COLOR") || text.contains("\"TERM\"") || text.contains("'TERM'")) {
        return true;
      }
      // An option declared outside the code (awscli's cli.json) shows where it is read.
      if ((text.contains(".color") || text.contains(".colour"))
          && COLOUR_OFF.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }
}
