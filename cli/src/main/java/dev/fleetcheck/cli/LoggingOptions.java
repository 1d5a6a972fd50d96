package dev.fleetcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** --verbose, --quiet and --log-format, shared by every command. */
public final class LoggingOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log debug events and print stack traces with errors (stderr only).")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Log errors only (stderr).")
  boolean quiet;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "text",
      converter = LogFormatConverter.class,
      description =
          "Diagnostics on stderr as text lines or JSON lines (default: ${DEFAULT-VALUE}).")
  EventLog.Format logFormat = EventLog.Format.TEXT;

  /** The event log for one invocation. */
  EventLog open(CliEnvironment env) {
    if (verbose && quiet) {
      throw new ParameterException(
          mixee.commandLine(), "--verbose and --quiet cannot be used together");
    }
    EventLog.Severity threshold =
        verbose
            ? EventLog.Severity.DEBUG
            : quiet ? EventLog.Severity.ERROR : EventLog.Severity.INFO;
    return new EventLog(env.err(), logFormat, threshold, env.runIds().get(), env.clock());
  }

  static final class LogFormatConverter extends LowerCaseEnumConverter<EventLog.Format> {
    LogFormatConverter() {
      super(EventLog.Format.class);
    }
  }
}
