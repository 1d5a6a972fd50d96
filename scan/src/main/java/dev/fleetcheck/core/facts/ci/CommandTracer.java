package dev.fleetcheck.core.facts.ci;

import dev.fleetcheck.core.facts.ci.TraceSources.Runner;
import dev.fleetcheck.core.facts.precommit.Hook;
import dev.fleetcheck.core.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a CI step runs a tool, and through what (RULES.md, "CI (PY-QG-001/002)"):
 * directly, through an environment wrapper ({@code uv run}, {@code python -m}, ...), through a task
 * runner target, through pre-commit hooks, or through repository scripts, each hop followed at most
 * {@link #MAX_DEPTH} levels deep. The answer is a route: the hops, empty when the step runs the
 * tool itself.
 */
final class CommandTracer {

  static final int MAX_DEPTH = 3;

  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern PYTHON =
      Pattern.compile(
          "(?:python(?:\\d+(?:\\.\\d+)?)?(?:\\.exe)?|py|pypy3?|\\$[({]?\\w*PYTHON\\w*[)}]?)");

  /** Braced or parenthesised expansions in front of a literal name: {@code ${X}}, {@code $(X)}. */
  private static final Pattern EXPANSION_PREFIX =
      Pattern.compile("(?:\\$+(?:\\{\\w+}|\\(\\w+\\)))+(?=[A-Za-z])");

  private static final Pattern MAKE = Pattern.compile("(?:g?make|\\$[({]?MAKE[)}]?)");
  private static final Set<String> TRANSPARENT_PREFIXES =
      Set.of("sudo", "time", "nice", "nohup", "exec", "command", "xvfb-run");
  private static final Set<String> RUN_WRAPPERS = Set.of("poetry", "pdm", "pipenv", "rye", "pixi");
  private static final Set<String> CONDA = Set.of("conda", "mamba", "micromamba");
  private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash");
  private static final Set<String> RUFF_ACTIONS =
      Set.of("astral-sh/ruff-action", "chartboost/ruff-action", "jpetrucciani/ruff-check");
  private static final Set<String> PRE_COMMIT_ACTIONS = Set.of("pre-commit/action");
  private static final Set<String> PREK_ACTIONS = Set.of("j178/prek-action");
  private static final Set<String> UV_VALUE_OPTIONS =
      Set.of(
          "--with",
          "--with-editable",
          "--with-requirements",
          "--group",
          "--extra",
          "--python",
          "-p",
          "--package",
          "--directory",
          "--project",
          "--env-file",
          "--index",
          "--default-index",
          "--index-url",
          "--extra-index-url",
          "--find-links",
          "-f",
          "--config-file",
          "--from",
          "--only-group",
          "--no-group",
          "--spec",
          "-n",
          "--name",
          "--prefix",
          "-e",
          "--environment",
          "--manifest-path");
  private static final Set<String> MAKE_VALUE_OPTIONS =
      Set.of("-C", "-f", "--file", "--directory", "-I", "-o", "-W", "-l");
  private static final Set<String> JUST_VALUE_OPTIONS =
      Set.of("-f", "--justfile", "-d", "--working-directory", "--set", "--shell", "--dotenv-path");
  private static final Set<String> TASK_VALUE_OPTIONS = Set.of("-t", "--taskfile", "-d", "--dir");
  private static final Set<String> HATCH_VALUE_OPTIONS =
      Set.of("-e", "--env", "-p", "--project", "--data-dir", "--cache-dir", "--config");
  private static final Set<String> PRE_COMMIT_VALUE_OPTIONS =
      Set.of(
          "--hook-stage",
          "--from-ref",
          "--to-ref",
          "--source",
          "--origin",
          "-s",
          "-o",
          "-c",
          "--config",
          "--remote-branch",
          "--local-branch",
          "--commit-msg-filename");
  private static final Pattern PY_SCRIPT_RUFF =
      Pattern.compile("([\"'])(?:ruff|ruff\\s[^\"'\\n]*)\\1");
  private static final Pattern PY_SCRIPT_TESTS =
      Pattern.compile(
          "pytest\\.main\\s*\\(|unittest\\.main\\s*\\("
              + "|([\"'])(?:pytest|py\\.test|tox|nox)(?:\\s[^\"'\\n]*)?\\1");
  private static final Map<String, String> MODULE_PROGRAMS =
      Map.of("pre_commit", "pre-commit", "py.test", "pytest");

  private final TraceSources sources;

  CommandTracer(TraceSources sources) {
    this.sources = sources;
  }

  /** Every step of the configurations that runs {@code tool}, with its route as evidence. */
  List<ToolRun> runs(CiTool tool, CiConfigSet configs) {
    List<ToolRun> runs = new ArrayList<>();
    for (CiStep step : configs.steps()) {
      if (step instanceof CiStep.Shell shell) {
        for (ShellCommand command : ShellCommand.parse(shell.script())) {
          Optional<List<String>> route = command(tool, command.words(), 0);
          if (route.isPresent()) {
            int line = shell.line() == 0 ? 0 : shell.line() + command.lineOffset();
            runs.add(run(tool, shell.path(), line, "`" + command.text() + "`", route.get()));
          }
        }
      } else if (step instanceof CiStep.Action action) {
        action(tool, action)
            .ifPresent(
                route ->
                    runs.add(
                        run(
                            tool,
                            action.path(),
                            action.line(),
                            "`uses: " + action.uses() + "`",
                            route)));
      } else if (step instanceof CiStep.PreCommitCi ci) {
        hooks(tool, List.of(), ci.skippedHooks(), 0)
            .ifPresent(route -> runs.add(run(tool, ci.path(), ci.line(), "pre-commit.ci", route)));
      }
    }
    return runs;
  }

  private static ToolRun run(CiTool tool, String path, int line, String what, List<String> route) {
    String through = route.isEmpty() ? "" : " through " + String.join(" -> ", route);
    return new ToolRun(
        tool, Evidence.at(path, line, what + " runs " + tool.displayName() + through));
  }

  private Optional<List<String>> action(CiTool tool, CiStep.Action action) {
    String name = action.name().toLowerCase(Locale.ROOT);
    if (RUFF_ACTIONS.contains(name)) {
      return tool == CiTool.LINTER ? Optional.of(List.of()) : Optional.empty();
    }
    if (PRE_COMMIT_ACTIONS.contains(name) || PREK_ACTIONS.contains(name)) {
      String args =
          action
              .inputs()
              .getOrDefault("extra_args", action.inputs().getOrDefault("extra-args", ""));
      List<String> words =
          ShellCommand.parse(args).stream().findFirst().map(ShellCommand::words).orElse(List.of());
      return hooks(tool, hookIds(words), Set.of(), 0);
    }
    return Optional.empty();
  }

  /** The route by which one command runs {@code tool}, if it does. */
  Optional<List<String>> command(CiTool tool, List<String> rawWords, int depth) {
    List<String> words = unwrap(rawWords);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String program = programName(words.get(0));
    List<String> args = words.subList(1, words.size());
    String first = args.isEmpty() ? "" : args.get(0);

    if (program.equals("ruff")) {
      return tool == CiTool.LINTER && runsRuff(args) ? Optional.of(List.of()) : Optional.empty();
    }
    if (program.equals("pytest") || program.equals("py.test") || program.equals("unittest")) {
      return tool == CiTool.TESTS ? Optional.of(List.of()) : Optional.empty();
    }
    if (program.equals("uv")) {
      if (first.equals("run")) {
        return wrapped(tool, args.subList(1, args.size()), depth);
      }
      if (first.equals("tool") && args.size() > 1 && args.get(1).equals("run")) {
        return wrapped(tool, args.subList(2, args.size()), depth);
      }
      return Optional.empty();
    }
    if (program.equals("uvx") || (program.equals("pipx") && first.equals("run"))) {
      return wrapped(tool, program.equals("uvx") ? args : args.subList(1, args.size()), depth);
    }
    if ((RUN_WRAPPERS.contains(program) || CONDA.contains(program)) && first.equals("run")) {
      return wrapped(tool, args.subList(1, args.size()), depth);
    }
    if (program.equals("coverage") && first.equals("run")) {
      int module = args.indexOf("-m");
      return module < 0 || module + 1 >= args.size()
          ? Optional.empty()
          : moduleCommand(tool, args.subList(module + 1, args.size()), depth);
    }
    if (PYTHON.matcher(program).matches() || program.startsWith("python")) {
      return python(tool, args, depth);
    }
    if (SHELLS.contains(program)) {
      return shell(tool, args, depth);
    }
    if (program.equals("hatch")) {
      return hatch(tool, args, depth);
    }
    if (MAKE.matcher(program).matches()) {
      return targets(tool, Runner.MAKE, names(args, MAKE_VALUE_OPTIONS, false), depth);
    }
    if (program.equals("just")) {
      return targets(tool, Runner.JUST, names(args, JUST_VALUE_OPTIONS, true), depth);
    }
    if (program.equals("task")) {
      return targets(tool, Runner.TASK, names(args, TASK_VALUE_OPTIONS, false), depth);
    }
    if (program.equals("poe")) {
      return targets(tool, Runner.POE, names(args, Set.of("-C", "--root"), true), depth);
    }
    if (program.equals("tox")) {
      return tox(tool, args, depth);
    }
    if (program.equals("nox")) {
      return nox(tool, args, depth);
    }
    if (program.equals("pre-commit") || program.equals("prek")) {
      return first.equals("run")
          ? hooks(tool, hookIds(args.subList(1, args.size())), Set.of(), depth)
          : Optional.empty();
    }
    if (program.equals("manage.py") || program.equals("setup.py")) {
      return tool == CiTool.TESTS && first.equals("test")
          ? Optional.of(List.of())
          : Optional.empty();
    }
    if (looksLikePath(words.get(0))) {
      return script(tool, words.get(0), depth);
    }
    return Optional.empty();
  }

  private static List<String> unwrap(List<String> words) {
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i);
      if (ENV_ASSIGNMENT.matcher(word).matches()) {
        i++;
      } else if (word.equals("env") || TRANSPARENT_PREFIXES.contains(word)) {
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
          i++;
        }
      } else if (word.equals("timeout") && i + 1 < words.size()) {
        i += 2;
      } else {
        break;
      }
    }
    List<String> rest = new ArrayList<>(words.subList(i, words.size()));
    if (!rest.isEmpty()) {
      // Makefile recipe prefixes: @ (silent), - (ignore errors), + (always run)
      String first = rest.get(0).replaceFirst("^[@+-]+", "");
      if (first.isEmpty()) {
        rest.remove(0);
      } else {
        rest.set(0, first);
      }
    }
    return rest;
  }

  /**
   * The program a command word runs: its folder dropped ({@code $VENV/bin/pytest}, {@code
   * ./venv/bin/ruff}) and any leading expansion that only supplies a prefix ({@code ${PREFIX}ruff},
   * {@code $(BIN)coverage}, {@code "$BIN"coverage}): the tool is the literal name after it.
   */
  private static String programName(String word) {
    String name = word.substring(word.lastIndexOf('/') + 1);
    Matcher prefix = EXPANSION_PREFIX.matcher(name);
    if (prefix.lookingAt()) {
      name = name.substring(prefix.end());
    }
    int version = name.indexOf('@'); // uvx ruff@0.6.0
    if (version > 0) {
      name = name.substring(0, version);
    }
    return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
  }

  private static boolean runsRuff(List<String> args) {
    return args.stream()
            .noneMatch(a -> a.equals("--version") || a.equals("-V") || a.equals("version"))
        && !(args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("help")));
  }

  /** A command run inside an environment: options of the wrapper skipped, then the command. */
  private Optional<List<String>> wrapped(CiTool tool, List<String> args, int depth) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String option = args.get(i);
      if (option.equals("--")) {
        i++;
        break;
      }
      if (option.equals("-m") || option.equals("--module")) {
        return i + 1 < args.size()
            ? moduleCommand(tool, args.subList(i + 1, args.size()), depth)
            : Optional.empty();
      }
      i += UV_VALUE_OPTIONS.contains(option) ? 2 : 1;
    }
    return i < args.size() ? command(tool, args.subList(i, args.size()), depth) : Optional.empty();
  }

  private Optional<List<String>> python(CiTool tool, List<String> args, int depth) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String option = args.get(i);
      if (option.equals("-m")) {
        return i + 1 < args.size()
            ? moduleCommand(tool, args.subList(i + 1, args.size()), depth)
            : Optional.empty();
      }
      if (option.equals("-c")) {
        return Optional.empty();
      }
      i += option.equals("-W") || option.equals("-X") ? 2 : 1;
    }
    if (i >= args.size()) {
      return Optional.empty();
    }
    String target = args.get(i);
    String name = programName(target);
    List<String> rest = args.subList(i + 1, args.size());
    if (name.equals("manage.py") || name.equals("setup.py")) {
      return tool == CiTool.TESTS && !rest.isEmpty() && rest.get(0).equals("test")
          ? Optional.of(List.of())
          : Optional.empty();
    }
    return script(tool, target, depth);
  }

  private Optional<List<String>> moduleCommand(CiTool tool, List<String> moduleArgs, int depth) {
    List<String> command = new ArrayList<>(moduleArgs);
    String module = command.get(0);
    command.set(0, MODULE_PROGRAMS.getOrDefault(module, module));
    return command(tool, command, depth);
  }

  private Optional<List<String>> shell(CiTool tool, List<String> args, int depth) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-c") && i + 1 < args.size()) {
        for (ShellCommand inner : ShellCommand.parse(args.get(i + 1))) {
          Optional<List<String>> route = command(tool, inner.words(), depth);
          if (route.isPresent()) {
            return route;
          }
        }
        return Optional.empty();
      }
      if (!arg.startsWith("-")) {
        return script(tool, arg, depth);
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> hatch(CiTool tool, List<String> args, int depth) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += HATCH_VALUE_OPTIONS.contains(args.get(i)) ? 2 : 1;
    }
    if (i >= args.size()) {
      return Optional.empty();
    }
    String subcommand = args.get(i);
    if (subcommand.equals("fmt")) {
      return tool == CiTool.LINTER ? Optional.of(List.of()) : Optional.empty();
    }
    if (subcommand.equals("test")) {
      return tool == CiTool.TESTS ? Optional.of(List.of()) : Optional.empty();
    }
    if (!subcommand.equals("run") || i + 1 >= args.size()) {
      return Optional.empty();
    }
    List<String> rest = args.subList(i + 1, args.size());
    String script = rest.get(0).substring(rest.get(0).indexOf(':') + 1);
    Optional<List<String>> viaScript = targets(tool, Runner.HATCH, List.of(script), depth);
    return viaScript.isPresent() ? viaScript : command(tool, rest, depth);
  }

  private Optional<List<String>> tox(CiTool tool, List<String> args, int depth) {
    List<String> envs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = null;
      if ((arg.equals("-e") || arg.equals("--env")) && i + 1 < args.size()) {
        value = args.get(++i);
      } else if (arg.startsWith("-e") && arg.length() > 2 && !arg.startsWith("--")) {
        value = arg.substring(arg.startsWith("-e=") ? 3 : 2);
      } else if (arg.startsWith("--env=")) {
        value = arg.substring("--env=".length());
      }
      if (value != null) {
        for (String env : value.split(",")) {
          if (!env.isBlank()) {
            envs.add(env.strip());
          }
        }
      }
    }
    if (envs.isEmpty()) {
      // tox without -e runs its default environments: the tests
      return tool == CiTool.TESTS ? Optional.of(List.of()) : Optional.empty();
    }
    Optional<List<String>> viaEnv = targets(tool, Runner.TOX, envs, depth);
    if (viaEnv.isPresent() || tool != CiTool.TESTS) {
      return viaEnv;
    }
    // Generated environments (py312, py3-django50) run the test commands of [testenv].
    return envs.stream().anyMatch(env -> env.matches("(?:py|pypy)\\d*(?:[-.].*)?"))
        ? Optional.of(List.of("tox environment " + envs.get(0)))
        : Optional.empty();
  }

  private Optional<List<String>> nox(CiTool tool, List<String> args, int depth) {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-s") || arg.equals("--session") || arg.equals("--sessions")) {
        while (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          sessions.add(args.get(++i));
        }
      } else if (arg.startsWith("--session=") || arg.startsWith("--sessions=")) {
        sessions.addAll(List.of(arg.substring(arg.indexOf('=') + 1).split(",")));
      }
    }
    if (sessions.isEmpty()) {
      return tool == CiTool.TESTS ? Optional.of(List.of()) : Optional.empty();
    }
    List<String> names = sessions.stream().map(s -> s.replaceFirst("-\\d.*$", "")).toList();
    Optional<List<String>> viaSession = targets(tool, Runner.NOX, names, depth);
    if (viaSession.isPresent()) {
      return viaSession;
    }
    Optional<List<String>> exact = targets(tool, Runner.NOX, sessions, depth);
    return exact;
  }

  /** Target names: words that are not options, option values or variable assignments. */
  private static List<String> names(
      List<String> args, Set<String> valueOptions, boolean onlyFirst) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        break;
      }
      if (arg.startsWith("-")) {
        if (valueOptions.contains(arg)) {
          i += arg.equals("--set") ? 2 : 1;
        }
        continue;
      }
      if (arg.contains("=")) {
        continue;
      }
      names.add(arg);
      if (onlyFirst) {
        break;
      }
    }
    return names;
  }

  private Optional<List<String>> targets(
      CiTool tool, Runner runner, List<String> names, int depth) {
    if (depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    for (String name : names) {
      Optional<TraceSources.RunnerTarget> target = sources.target(runner, name);
      if (target.isEmpty()) {
        continue;
      }
      String hop = runner.command() + " target `" + name + "` (" + where(target.get()) + ")";
      for (String line : target.get().commands()) {
        for (ShellCommand inner : ShellCommand.parse(line)) {
          Optional<List<String>> route = command(tool, inner.words(), depth + 1);
          if (route.isPresent()) {
            return Optional.of(prepend(hop, route.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String where(TraceSources.RunnerTarget target) {
    return target.line() > 0 ? target.path() + ":" + target.line() : target.path();
  }

  /** Hook ids named on a {@code pre-commit run} command line (none means every hook). */
  private static List<String> hookIds(List<String> args) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--files")) {
        break;
      }
      if (arg.startsWith("-")) {
        if (PRE_COMMIT_VALUE_OPTIONS.contains(arg)) {
          i++;
        }
        continue;
      }
      ids.add(arg);
    }
    return ids;
  }

  private Optional<List<String>> hooks(
      CiTool tool, List<String> ids, Set<String> skipped, int depth) {
    if (depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    for (Hook hook : sources.hooks()) {
      if ((!ids.isEmpty() && !ids.contains(hook.id())) || skipped.contains(hook.id())) {
        continue;
      }
      String hop =
          "pre-commit hook `"
              + hook.id()
              + "` ("
              + sources.preCommitPath()
              + (hook.line() > 0 ? ":" + hook.line() : "")
              + ")";
      if (hook.isFor(tool.hookKeyword())) {
        return Optional.of(List.of(hop));
      }
      for (ShellCommand entry : ShellCommand.parse(hook.entry())) {
        Optional<List<String>> route = command(tool, entry.words(), depth + 1);
        if (route.isPresent()) {
          return Optional.of(prepend(hop, route.get()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikePath(String word) {
    return word.contains("/") || word.endsWith(".sh") || word.endsWith(".py");
  }

  /** Follows a repository script: shell scripts command by command, Python scripts by text. */
  private Optional<List<String>> script(CiTool tool, String word, int depth) {
    if (depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    String path = word.startsWith("./") ? word.substring(2) : word;
    Optional<String> text = sources.readText(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String body = text.get();
    boolean python =
        path.endsWith(".py")
            || (body.startsWith("#!") && body.lines().findFirst().orElse("").contains("python"));
    if (python) {
      Matcher m = (tool == CiTool.LINTER ? PY_SCRIPT_RUFF : PY_SCRIPT_TESTS).matcher(body);
      return m.find()
          ? Optional.of(List.of(path + ":" + lineAt(body, m.start())))
          : Optional.empty();
    }
    for (ShellCommand inner : ShellCommand.parse(body)) {
      Optional<List<String>> route = command(tool, inner.words(), depth + 1);
      if (route.isPresent()) {
        return Optional.of(prepend(path + ":" + (inner.lineOffset() + 1), route.get()));
      }
    }
    return Optional.empty();
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static List<String> prepend(String hop, List<String> route) {
    List<String> all = new ArrayList<>();
    all.add(hop);
    all.addAll(route);
    return all;
  }
}
