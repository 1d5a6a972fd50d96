package dev.fleetcheck.core.facts.cli;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.PythonTokenizer;
import dev.fleetcheck.core.python.StringLiterals;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands and options a CLI declares (family F10 of RULES-NEXT): argparse ({@code
 * ArgumentParser}, {@code add_parser}, {@code add_argument}), optparse ({@code OptionParser},
 * {@code add_option}), click and its drop-ins rich-click, cloup and asyncclick ({@code
 * command}/{@code group} decorators, {@code option}), typer ({@code Typer()}, {@code add_typer},
 * {@code command}/{@code callback} decorators, {@code Option}, and parameters with defaults, which
 * typer turns into options). Read from the calls of product code, so a project's own wrapper around
 * {@code add_argument} or {@code click.option} counts, and strings, comments and test code never
 * do.
 */
public record CliInventory(List<CliCommand> commands, List<CliOption> options, int computed) {

  public static final Fact<CliInventory> FACT = Fact.of("cli.inventory", CliInventory::find);

  private static final Set<String> CLICKS = Set.of("click", "rich_click", "cloup", "asyncclick");
  private static final Set<String> HELP_KEYWORDS =
      Set.of("help", "short_help", "description", "epilog", "usage", "long_help");

  public CliInventory {
    commands = List.copyOf(commands);
    options = List.copyOf(options);
  }

  public CliInventory(List<CliCommand> commands, List<CliOption> options) {
    this(commands, options, 0);
  }

  /**
   * Whether some {@code add_argument}/{@code add_option} call names its option with a computed
   * value ({@code add_argument(self.cli_name, ...)}, {@code add_argument(*names)}): the options
   * come from data the inventory cannot read (awscli's argument tables), so it is incomplete.
   */
  public boolean partial() {
    return computed > 0;
  }

  public boolean isEmpty() {
    return commands.isEmpty() && options.isEmpty();
  }

  /** Why a rule reading this inventory has nothing to judge when it {@link #isEmpty()}. */
  public static String nothingRead() {
    return "no argparse, optparse, click or typer declarations in product code, so no commands or"
        + " options to read";
  }

  private static CliInventory find(Facts facts) {
    // Modules are independent: read on every core, the declarations kept in module order.
    List<CliInventory> perModule =
        PythonCodebase.of(facts).productModules().parallelStream()
            .map(module -> read(facts, module))
            .toList();
    List<CliCommand> commands = new ArrayList<>();
    List<CliOption> options = new ArrayList<>();
    int computed = 0;
    for (CliInventory declared : perModule) {
      commands.addAll(declared.commands());
      options.addAll(declared.options());
      computed += declared.computed();
    }
    return new CliInventory(commands, options, computed);
  }

  private static CliInventory read(Facts facts, PythonModule module) {
    List<CliCommand> commands = new ArrayList<>();
    List<CliOption> options = new ArrayList<>();
    ModuleReader reader = new ModuleReader(facts, module, commands, options);
    reader.read();
    return new CliInventory(commands, options, reader.computed);
  }

  /** Reads one module's declarations. */
  private static final class ModuleReader {
    private final Facts facts;
    private final PythonModule module;
    private final List<CliCommand> commands;
    private final List<CliOption> options;
    private final Set<String> typerApps = new HashSet<>();
    private final boolean importsClick;
    private final boolean importsTyper;
    private Tokens tokens;
    // add_argument/add_option calls naming their option with a computed value.
    private int computed;
    // The first "def" token of each line, indexed on the first docstring asked for.
    private Map<Integer, Integer> defsByLine;
    // The names assigned a string literal, gathered on the first computed-looking declaration.
    private Set<String> stringConstants;

    ModuleReader(
        Facts facts, PythonModule module, List<CliCommand> commands, List<CliOption> options) {
      this.facts = facts;
      this.module = module;
      this.commands = commands;
      this.options = options;
      this.importsClick =
          module.imports().values().stream().anyMatch(v -> CLICKS.contains(root(v)));
      this.importsTyper = module.imports().values().stream().anyMatch(v -> root(v).equals("typer"));
      for (Binding binding : module.bindings()) {
        if (binding.callee().equals("typer.Typer")) {
          typerApps.add(binding.name());
        }
      }
    }

    void read() {
      if (!importsClick
          && !importsTyper
          && module.imports().values().stream()
              .noneMatch(v -> root(v).equals("argparse") || root(v).equals("optparse"))
          // A call named add_argument spells the name in the module's code.
          && (!module.mentions("add_argument")
              || module.calls().stream().noneMatch(c -> c.name().equals("add_argument")))) {
        return;
      }
      for (Call call : module.calls()) {
        call(call);
      }
      if (importsClick || importsTyper) {
        for (FunctionDef function : module.functions()) {
          function(function);
        }
      }
    }

    private void call(Call call) {
      String callee = call.callee();
      String name = call.name();
      boolean hasReceiver = !call.receiver().isEmpty();
      if (name.equals("add_argument") && hasReceiver) {
        countComputed(call);
        option(call, "argparse", dashed(call));
      } else if (name.equals("add_option") && hasReceiver) {
        countComputed(call);
        option(call, "optparse", dashed(call));
      } else if (name.equals("option") && CLICKS.contains(call.receiver())) {
        option(call, "click", dashed(call));
      } else if (name.equals("Option") && CLICKS.contains(call.receiver())) {
        // click.Option(["--debug/--no-debug"], help=...), attached through params=.
        option(call, "click", dashedList(call));
      } else if (callee.equals("typer.Option")) {
        List<String> names = dashed(call);
        if (names.isEmpty() && !call.parameter().isEmpty()) {
          names = List.of(derived(call.parameter()));
        }
        option(call, "typer", names);
      } else if (callee.equals("argparse.ArgumentParser")) {
        command(call, "argparse", stringKeyword(call, "prog").orElse("the parser"), "description");
      } else if (callee.equals("optparse.OptionParser")) {
        command(call, "optparse", stringKeyword(call, "prog").orElse("the parser"), "description");
      } else if (name.equals("add_parser") && hasReceiver) {
        String sub =
            call.positional().stream().findFirst().flatMap(ModuleReader::string).orElse("?");
        command(call, "argparse", sub, "help", "description");
      } else if (callee.equals("typer.Typer")) {
        command(call, "typer", stringKeyword(call, "name").orElse("the app"), "help");
      } else if (name.equals("add_typer") && hasReceiver) {
        command(call, "typer", stringKeyword(call, "name").orElse("a sub-app"), "help");
      }
    }

    private void option(Call call, String framework, List<String> names) {
      if (!names.isEmpty()) {
        options.add(new CliOption(module.path(), call.line(), framework, names, Optional.of(call)));
      }
    }

    private void command(Call call, String framework, String name, String... summaryKeywords) {
      boolean summary = false;
      for (String keyword : summaryKeywords) {
        summary |= call.keyword(keyword).filter(v -> !v.isNone()).isPresent();
      }
      commands.add(
          new CliCommand(module.path(), call.line(), framework, name, summary, helpTexts(call)));
    }

    /** A click or typer command function, its decorator's help and its docstring. */
    private void function(FunctionDef function) {
      List<Decorator> decorators = decoratorsOf(function);
      Optional<String> framework = Optional.empty();
      Call decoratorCall = null;
      for (Decorator decorator : decorators) {
        Optional<String> kind = commandDecorator(decorator.name());
        if (kind.isPresent()) {
          framework = kind;
          decoratorCall =
              module.calls().stream()
                  .filter(c -> c.line() == decorator.line() && c.callee().equals(decorator.name()))
                  .findFirst()
                  .orElse(null);
        }
      }
      if (framework.isEmpty()) {
        return;
      }
      List<String> texts = new ArrayList<>();
      boolean summary = false;
      if (decoratorCall != null) {
        texts.addAll(helpTexts(decoratorCall));
        summary =
            decoratorCall.keyword("help").filter(v -> !v.isNone()).isPresent()
                || decoratorCall.keyword("short_help").filter(v -> !v.isNone()).isPresent();
      }
      if (function.hasDocstring()) {
        summary = true;
        docstring(function.line()).ifPresent(texts::add);
      }
      String name =
          Optional.ofNullable(decoratorCall)
              .flatMap(c -> c.positional().stream().findFirst())
              .flatMap(ModuleReader::string)
              .orElse(function.name().replace('_', '-'));
      commands.add(
          new CliCommand(module.path(), function.line(), framework.get(), name, summary, texts));
      if (framework.get().equals("typer")) {
        typerParameters(function);
      }
    }

    /** typer makes every parameter with a default an option, named after the parameter. */
    private void typerParameters(FunctionDef function) {
      for (String parameter : function.defaultedParameters()) {
        boolean declared =
            module.calls().stream()
                .anyMatch(
                    c ->
                        c.parameter().equals(parameter)
                            && c.line() >= function.line()
                            && (c.callee().equals("typer.Option")
                                || c.callee().equals("typer.Argument")));
        if (!declared) {
          options.add(
              new CliOption(
                  module.path(),
                  function.line(),
                  "typer",
                  List.of(derived(parameter)),
                  Optional.empty()));
        }
      }
    }

    /** The decorators written right above {@code function}, in source order. */
    private List<Decorator> decoratorsOf(FunctionDef function) {
      int count = function.decorators().size();
      List<Decorator> before =
          module.decorators().stream().filter(d -> d.line() < function.line()).toList();
      return before.subList(Math.max(0, before.size() - count), before.size());
    }

    private Optional<String> commandDecorator(String name) {
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      String receiver = name.substring(0, dot);
      String last = name.substring(dot + 1);
      if (typerApps.contains(receiver) && (last.equals("command") || last.equals("callback"))) {
        return Optional.of("typer");
      }
      if (!last.equals("command") && !last.equals("group")) {
        return Optional.empty();
      }
      if (CLICKS.contains(receiver) || (importsClick && !importsTyper)) {
        return Optional.of("click");
      }
      if (importsTyper && !importsClick) {
        return Optional.of("typer");
      }
      return Optional.empty();
    }

    private List<String> helpTexts(Call call) {
      List<String> texts = new ArrayList<>();
      for (Map.Entry<String, PyValue> keyword : call.keywords().entrySet()) {
        if (HELP_KEYWORDS.contains(keyword.getKey())) {
          text(keyword.getValue()).ifPresent(texts::add);
        }
      }
      return texts;
    }

    /** A literal's text, a module constant's literal, or the source of another expression. */
    private Optional<String> text(PyValue value) {
      if (value instanceof PyValue.Str str) {
        return Optional.of(str.value());
      }
      if (value instanceof PyValue.Name name) {
        if (name.dotted().equals("__doc__")) {
          return moduleDocstring();
        }
        for (Assignment assignment : module.assignments()) {
          if (assignment.target().equals(name.dotted())
              && assignment.value() instanceof PyValue.Str str) {
            return Optional.of(str.value());
          }
        }
        return Optional.empty();
      }
      if (value instanceof PyValue.Expr expr) {
        return Optional.of(expr.text());
      }
      return Optional.empty();
    }

    private Optional<String> moduleDocstring() {
      Tokens t = tokens();
      int first = t.skipTrivia(0);
      return stringAt(t, first);
    }

    /** The docstring of the def at {@code line}. */
    private Optional<String> docstring(int line) {
      Tokens t = tokens();
      if (defsByLine == null) {
        defsByLine = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
          if (t.is(i, "def")) {
            defsByLine.putIfAbsent(t.line(i), i);
          }
        }
      }
      Integer def = defsByLine.get(line);
      if (def == null) {
        return Optional.empty();
      }
      int j = def;
      while (j < t.size() && !(t.isOp(j, ':') && t.depth(j) == 0)) {
        j++;
      }
      j = t.skipTrivia(j + 1);
      while (t.isKind(j, TokenKind.NEWLINE) || t.isKind(j, TokenKind.INDENT) || t.isTrivia(j)) {
        j++;
      }
      return stringAt(t, j);
    }

    private Optional<String> stringAt(Tokens t, int i) {
      if (!t.isKind(i, TokenKind.STRING)) {
        return Optional.empty();
      }
      return Optional.ofNullable(StringLiterals.value(t.text(i)));
    }

    private Tokens tokens() {
      if (tokens == null) {
        String text = facts.snapshot().readText(module.path()).orElse("");
        // The codebase's tokens serve unless its decoding (a BOM, a coding line) gave another text.
        PythonCodebase codebase = PythonCodebase.of(facts);
        tokens =
            codebase.text(module.path()).filter(text::equals).isPresent()
                ? codebase.tokens(module.path()).orElseGet(() -> PythonTokenizer.tokenize(text))
                : PythonTokenizer.tokenize(text);
      }
      return tokens;
    }

    /** Counts a declaration whose first argument is neither a literal nor a module constant. */
    private void countComputed(Call call) {
      if (call.positional().isEmpty()) {
        if (call.argsSplat() || call.kwargsSplat()) {
          computed++;
        }
        return;
      }
      PyValue first = call.positional().get(0);
      if (first instanceof PyValue.Str) {
        return;
      }
      if (first instanceof PyValue.Name name && stringConstants().contains(name.dotted())) {
        return;
      }
      computed++;
    }

    /**
     * The names the module assigns a string literal to, gathered on first use: a module declaring
     * many options by constant would otherwise search its assignments once per declaration.
     */
    private Set<String> stringConstants() {
      if (stringConstants == null) {
        stringConstants = new HashSet<>();
        for (Assignment assignment : module.assignments()) {
          if (assignment.value() instanceof PyValue.Str) {
            stringConstants.add(assignment.target());
          }
        }
      }
      return stringConstants;
    }

    /** The dashed names of a list or tuple given as the first argument. */
    private static List<String> dashedList(Call call) {
      List<String> names = new ArrayList<>();
      if (!call.positional().isEmpty() && call.positional().get(0) instanceof PyValue.Seq seq) {
        for (PyValue value : seq.items()) {
          if (value instanceof PyValue.Str str && str.value().startsWith("-")) {
            for (String part : str.value().split("/")) {
              if (part.strip().startsWith("-")) {
                names.add(part.strip());
              }
            }
          }
        }
      }
      return names;
    }

    private static List<String> dashed(Call call) {
      List<String> names = new ArrayList<>();
      for (PyValue value : call.positional()) {
        if (value instanceof PyValue.Str str && str.value().startsWith("-")) {
          for (String part : str.value().split("/")) {
            if (part.strip().startsWith("-")) {
              names.add(part.strip());
            }
          }
        }
      }
      return names;
    }

    private static Optional<String> stringKeyword(Call call, String keyword) {
      return call.keyword(keyword).flatMap(ModuleReader::string);
    }

    private static Optional<String> string(PyValue value) {
      return value instanceof PyValue.Str str ? Optional.of(str.value()) : Optional.empty();
    }

    private static String derived(String parameter) {
      return "--" + parameter.replace('_', '-');
    }

    private static String root(String dotted) {
      int dot = dotted.indexOf('.');
      return dot < 0 ? dotted : dotted.substring(0, dot);
    }
  }
}
