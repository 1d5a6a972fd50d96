package dev.fleetcheck.cli;

import dev.fleetcheck.core.report.Printable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code fleetcheck} command: its subcommands do the work. */
@Command(
    name = "fleetcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    headerHeading = "%n",
    header = "Check Python repositories against the engineering standard.",
    description = {
      "Scans a repository's tree for the standard's 314 rules, scores it and writes a report"
          + " (text, JSON, SARIF, CSV or Markdown).",
      ""
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nExamples:%n",
    footer = {
      "  fleetcheck scan .",
      "  fleetcheck scan https://github.com/acme/payments.git -f sarif -o scan.sarif",
      "  fleetcheck rules --format json",
      "  fleetcheck sweep --inventory fleet.yaml --workers 4",
      "  fleetcheck report --format html --output fleet.html",
      "  fleetcheck demo",
      "  fleetcheck --version",
      "",
      "Run 'fleetcheck COMMAND --help' for a command's options."
    })
public final class FleetcheckCommand implements Callable<Integer> {

  /** Each subcommand by name, in the order the usage lists them. */
  private static final Map<String, Function<CliEnvironment, Object>> SUBCOMMANDS = subcommands();

  @Spec CommandLine.Model.CommandSpec spec;

  /** Without a subcommand there is nothing to do: show the usage on stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE_ERROR;
  }

  /** The command line with all its subcommands, streams and error handling wired to {@code env}. */
  public static CommandLine commandLine(CliEnvironment env) {
    return commandLine(env, SUBCOMMANDS.keySet());
  }

  /** Runs one invocation and returns its exit code. */
  public static int run(CliEnvironment env, String... args) {
    return commandLine(env, subcommandsFor(args)).execute(args);
  }

  /**
   * The subcommands an invocation needs: only the one it names first, else all of them (the usage,
   * {@code --version}, and suggestions for a misspelt name list them all). Picocli builds each
   * registered subcommand's model by reflection, converters and enum choices included, which was
   * 0.4 s of a 1 s cold {@code scan} (docs/adr/0011-fast-cold-cli.md).
   */
  static Set<String> subcommandsFor(String... args) {
    if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
      return Set.of(args[0]);
    }
    return SUBCOMMANDS.keySet();
  }

  private static CommandLine commandLine(CliEnvironment env, Set<String> names) {
    CommandLine cli = new CommandLine(new FleetcheckCommand());
    SUBCOMMANDS.forEach(
        (name, command) -> {
          if (names.contains(name)) {
            cli.addSubcommand(name, command.apply(env));
          }
        });
    cli.setOut(env.out());
    cli.setErr(env.err());
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          EventLog log =
              new EventLog(
                  commandLine.getErr(),
                  EventLog.Format.TEXT,
                  EventLog.Severity.INFO,
                  env.runIds().get(),
                  env.clock());
          return Failures.report(log, e);
        });
    return cli;
  }

  private static Map<String, Function<CliEnvironment, Object>> subcommands() {
    Map<String, Function<CliEnvironment, Object>> commands = new LinkedHashMap<>();
    commands.put("scan", ScanCommand::new);
    commands.put("rules", RulesCommand::new);
    commands.put("sweep", SweepCommand::new);
    commands.put("report", ReportCommand::new);
    commands.put("demo", DemoCommand::new);
    return commands;
  }

  /** A wrong command line: say what and where to look, exit 2, and keep stdout clean. */
  private static final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
      CommandLine cli = e.getCommandLine();
      PrintWriter err = cli.getErr();
      err.println("fleetcheck: error_code=invalid_argument: " + Printable.escape(e.getMessage()));
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ExitCodes.USAGE_ERROR;
    }
  }
}
