package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.facts.cli.CliOption;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.PythonTokenizer;
import dev.fleetcheck.core.python.StringLiterals;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PY-IO-003: an option that writes an output file accepts {@code -} for stdout (RULES-NEXT, with
 * the "PY-IO-003" decision: every option that opens an output file). Options judged: those named
 * {@code --output}, {@code -o}, {@code --out}, {@code --outfile}, {@code --output-file}, ... that
 * are not directories, and any option typed as a writable file. {@code -} works with {@code
 * argparse.FileType}, {@code click.File}, {@code allow_dash=True}, a {@code "-"} default, {@code
 * click.open_file} of the value, or code that compares the option's value with {@code "-"}.
 */
public final class StdoutOutput implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-IO-003",
              Profile.CLI,
              "Let output options take `-` for stdout: `type=argparse.FileType(\"w\")`,"
                  + " `type=click.File(\"w\")`, `click.Path(allow_dash=True)`, or `if args.output =="
                  + " \"-\": out = sys.stdout`.")
          .defined(
              "PASS when every option that writes a file accepts `-` for stdout: "
                  + "options named `--output`, `-o`, `--out`, `--outfile`, `--out-file`, "
                  + "`--output-file`, `--output-path` (not directories: a name with "
                  + "`dir`/`folder`, `file_okay=False`, a default naming a folder such as "
                  + "`./`; not flags; not a lone `-o` whose `dest=` names neither an output, a "
                  + "file nor a path, such as mount's `-o dest=\"options\"`) and any option typed as "
                  + "a writable `FileType`/`click.File`. `-` works with "
                  + "`argparse.FileType`, `click.File`, typer "
                  + "`FileTextWrite`/`FileBinaryWrite`, `allow_dash=True`, a `\"-\"` "
                  + "default, `click.open_file(<value>)`, or a logical line of product code "
                  + "comparing the option's variable (`dest=`, click's name argument, "
                  + "typer's parameter, or the long name) with `\"-\"` (`==`, `!=`, `in`), or a "
                  + "`type=` converter function of product code that compares with `\"-\"`. "
                  + "Narrowed: the folder default and the lone `-o` are not read as output files",
              Effort.LOW);

  private static final Set<String> OUTPUT_NAMES =
      Set.of(
          "-o",
          "--output",
          "--out",
          "--outfile",
          "--out-file",
          "--output-file",
          "--output_file",
          "--output-path",
          "--output_path");
  private static final Pattern FILE_TYPE =
      Pattern.compile("\\b(?:FileType|File|FileTextWrite|FileBinaryWrite)\\s*\\(");
  private static final Pattern ALLOW_DASH = Pattern.compile("allow_dash\\s*=\\s*True");
  private static final Pattern NOT_A_FILE = Pattern.compile("file_okay\\s*=\\s*False");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<CliOption> outputs =
        context.fact(CliInventory.FACT).options().stream()
            .filter(StdoutOutput::writesAFile)
            .toList();
    if (outputs.isEmpty()) {
      return Outcome.notApplicable(
          "no CLI option writes an output file (--output, -o, --out, --output-file, a writable"
              + " file type)");
    }
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    Map<String, String> dashUses = new HashMap<>();
    boolean[] indexed = {false};
    List<Evidence> passing = new ArrayList<>();
    List<Evidence> failing = new ArrayList<>();
    for (CliOption option : outputs) {
      Optional<String> how =
          acceptsDash(
              option,
              () -> {
                if (!indexed[0]) {
                  indexDashUses(modules, context, destinations(outputs), dashUses);
                  indexed[0] = true;
                }
                return dashUses;
              });
      String where = "option " + option.describe() + " (" + option.framework() + ")";
      if (how.isPresent()) {
        passing.add(Evidence.at(option.path(), option.line(), where + " accepts -: " + how.get()));
      } else {
        failing.add(
            Evidence.at(
                option.path(),
                option.line(),
                where
                    + " writes a file but does not accept - for stdout (no FileType/click.File,"
                    + " allow_dash, \"-\" default or comparison with \"-\")"));
      }
    }
    return failing.isEmpty() ? Outcome.pass(passing) : Outcome.fail(failing);
  }

  private static boolean writesAFile(CliOption option) {
    String type = typeText(option);
    if (NOT_A_FILE.matcher(type).find()) {
      return false;
    }
    if (writableFileType(type)) {
      return true;
    }
    boolean named = option.names().stream().anyMatch(OUTPUT_NAMES::contains);
    boolean directory =
        option.names().stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.contains("dir") || n.contains("folder"))
            || option
                .keyword("default")
                .filter(v -> v instanceof PyValue.Str s && directoryPath(s.value()))
                .isPresent();
    return named && !directory && !isFlag(option) && !otherShortO(option);
  }

  /** A default naming a folder: {@code "."}, {@code "./"}, {@code "build/"}. */
  private static boolean directoryPath(String value) {
    return value.equals(".") || value.endsWith("/") || value.endsWith("\\");
  }

  /**
   * A {@code -o} that is the option's only output name and whose variable says it holds something
   * else ({@code -o} with {@code dest="options"}, mount(8)'s convention); a {@code -o} whose
   * variable names nothing ({@code o}) or an output, a file or a path still counts.
   */
  private static boolean otherShortO(CliOption option) {
    if (!option.names().stream().filter(OUTPUT_NAMES::contains).allMatch("-o"::equals)) {
      return false;
    }
    String variable = option.destination().toLowerCase(Locale.ROOT);
    return !variable.equals("o")
        && !variable.contains("out")
        && !variable.contains("file")
        && !variable.contains("path");
  }

  private static boolean isFlag(CliOption option) {
    return option
            .keyword("action")
            .filter(v -> v instanceof PyValue.Str s && s.value().startsWith("store_"))
            .filter(v -> !((PyValue.Str) v).value().equals("store"))
            .isPresent()
        || option
            .keyword("is_flag")
            .filter(v -> v instanceof PyValue.Bool b && b.value())
            .isPresent();
  }

  private static String typeText(CliOption option) {
    return option.keyword("type").map(StdoutOutput::text).orElse("");
  }

  /** A file type opened for writing: FileType/File with a w, a or x mode. */
  private static boolean writableFileType(String type) {
    return FILE_TYPE.matcher(type).find()
        && (type.contains("Write") || type.matches("(?s).*\\(\\s*(?:mode\\s*=\\s*)?[\"'][wax].*"));
  }

  private static Optional<String> acceptsDash(
      CliOption option, Supplier<Map<String, String>> dashUses) {
    String type = typeText(option);
    if (FILE_TYPE.matcher(type).find()) {
      return Optional.of("type " + type);
    }
    if (ALLOW_DASH.matcher(type).find()
        || option
            .keyword("allow_dash")
            .filter(v -> v instanceof PyValue.Bool b && b.value())
            .isPresent()) {
      return Optional.of("allow_dash=True");
    }
    if (option
        .keyword("default")
        .filter(v -> v instanceof PyValue.Str s && s.value().equals("-"))
        .isPresent()) {
      return Optional.of("default \"-\"");
    }
    Optional<String> converter = converter(type);
    if (converter.isPresent() && dashUses.get().containsKey(DEF + converter.get())) {
      return Optional.of("type " + type + ": " + dashUses.get().get(DEF + converter.get()));
    }
    return Optional.ofNullable(dashUses.get().get(option.destination()));
  }

  /** Index key of a function that compares a value with "-" somewhere in its body. */
  private static final String DEF = "def ";

  private static final Pattern CONVERTER =
      Pattern.compile(
          "(?s)(?:[A-Za-z_][A-Za-z0-9_]*\\.)*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\(.*\\))?");

  /**
   * The function a {@code type=} converter names: {@code unfrack_path} for {@code
   * type=opt_help.unfrack_path()} or {@code type=unfrack_path}.
   */
  private static Optional<String> converter(String type) {
    var matcher = CONVERTER.matcher(type.strip());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Every name the product code hands to {@code click.open_file} or compares with {@code "-"}, with
   * where it first does; built once per scan, so that the options are judged in one pass over the
   * modules rather than one pass per option. Modules are read on every core and their uses merged
   * in module order, so the first use of a name is the same as in one pass.
   */
  private static void indexDashUses(
      List<PythonModule> modules,
      RuleContext context,
      Set<String> wanted,
      Map<String, String> uses) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<List<Map.Entry<String, String>>> perModule =
        modules.parallelStream()
            .map(module -> dashUses(module, context, codebase, wanted))
            .toList();
    for (List<Map.Entry<String, String>> moduleUses : perModule) {
      for (Map.Entry<String, String> use : moduleUses) {
        uses.putIfAbsent(use.getKey(), use.getValue());
      }
    }
  }

  /** One module's dash uses, in the order {@link #indexDashUses} meets them. */
  private static List<Map.Entry<String, String>> dashUses(
      PythonModule module, RuleContext context, PythonCodebase codebase, Set<String> wanted) {
    List<Map.Entry<String, String>> uses = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.callee().endsWith("open_file")) {
        call.positional().stream()
            .findFirst()
            .map(StdoutOutput::lastName)
            .filter(name -> !name.isEmpty())
            .ifPresent(
                name ->
                    uses.add(
                        Map.entry(name, module.path() + ":" + call.line() + " click.open_file")));
      }
    }
    Optional<String> text = context.snapshot().readText(module.path());
    if (text.isPresent() && mentionsDash(text.get()) && mentionsAny(text.get(), wanted)) {
      // The codebase's tokens serve unless its decoding (a BOM, a coding line) gave another text.
      Tokens tokens =
          codebase.text(module.path()).filter(text.get()::equals).isPresent()
              ? codebase.tokens(module.path()).orElseGet(() -> PythonTokenizer.tokenize(text.get()))
              : PythonTokenizer.tokenize(text.get());
      List<Integer> lines = new ArrayList<>();
      namesComparedWithDash(tokens, lines)
          .forEach(
              (name, line) ->
                  uses.add(
                      Map.entry(
                          name, module.path() + ":" + line + " compares " + name + " with \"-\"")));
      // A type converter that compares its value with "-" (passes it through) accepts it.
      for (int line : lines) {
        for (var extent : module.extents()) {
          if (extent.kind() == Blocks.Kind.DEF
              && extent.line() <= line
              && extent.lastLine() >= line) {
            uses.add(
                Map.entry(
                    DEF + extent.name(),
                    module.path() + ":" + line + " " + extent.name() + " compares with \"-\""));
          }
        }
      }
    }
    return uses;
  }

  /** The names the index is asked about: a file that holds none of them adds nothing asked. */
  private static Set<String> destinations(List<CliOption> options) {
    Set<String> names = new HashSet<>();
    for (CliOption option : options) {
      names.add(option.destination());
      converter(typeText(option)).ifPresent(names::add);
    }
    return names;
  }

  private static boolean mentionsAny(String text, Set<String> names) {
    for (String name : names) {
      if (text.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsDash(String text) {
    return text.contains("\"-\"") || text.contains("'-'");
  }

  /**
   * Each name (or last part of {@code x.name}) on a logical line that compares with the string
   * {@code "-"} ({@code ==}, {@code !=}, {@code in}), with the line of its first such comparison.
   */
  static Map<String, Integer> namesComparedWithDash(Tokens t) {
    return namesComparedWithDash(t, new ArrayList<>());
  }

  /** As {@link #namesComparedWithDash(Tokens)}, adding the line of every comparison to lines. */
  private static Map<String, Integer> namesComparedWithDash(Tokens t, List<Integer> lines) {
    Map<String, Integer> names = new LinkedHashMap<>();
    int lineStart = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.isKind(i, TokenKind.NEWLINE)) {
        lineStart = i + 1;
        continue;
      }
      if (!t.isKind(i, TokenKind.STRING) || !"-".equals(StringLiterals.value(t.text(i)))) {
        continue;
      }
      int end = i;
      while (end < t.size() && !t.isKind(end, TokenKind.NEWLINE)) {
        end++;
      }
      boolean compares = false;
      for (int j = lineStart; j < end; j++) {
        compares |= t.is(j, "==") || t.is(j, "!=") || t.is(j, "in");
      }
      if (compares) {
        lines.add(t.line(i));
        for (int j = lineStart; j < end; j++) {
          if (t.isName(j)) {
            names.putIfAbsent(t.text(j), t.line(i));
          }
        }
      }
      i = end - 1;
      lineStart = end;
    }
    return names;
  }

  private static String lastName(PyValue value) {
    if (value instanceof PyValue.Name name) {
      String dotted = name.dotted();
      return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
    return "";
  }

  private static String text(PyValue value) {
    if (value instanceof PyValue.Expr expr) {
      return expr.text();
    }
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    return "";
  }
}
