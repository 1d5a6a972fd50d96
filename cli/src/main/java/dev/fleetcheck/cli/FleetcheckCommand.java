package dev.fleetcheck.cli;

import dev.fleetcheck.core.report.Printable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

  @Spec CommandLine.Model.CommandSpec spec;

  /** Without a subcommand there is nothing to do: show the usage on stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE_ERROR;
  }

  /** The command line with its subcommands, streams and error handling wired to {@code env}. */
  public static CommandLine commandLine(CliEnvironment env) {
    CommandLine cli = new CommandLine(new FleetcheckCommand());
    cli.addSubcommand("scan", new ScanCommand(env));
    cli.addSubcommand("rules", new RulesCommand(env));
    cli.addSubcommand("sweep", new SweepCommand(env));
    cli.addSubcommand("report", new ReportCommand(env));
    cli.addSubcommand("demo", new DemoCommand(env));
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

  /** Runs one invocation and returns its exit code. */
  public static int run(CliEnvironment env, String... args) {
    return commandLine(env).execute(args);
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
