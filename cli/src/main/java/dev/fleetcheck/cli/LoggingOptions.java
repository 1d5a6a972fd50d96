package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
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
      converter = LogFormatConverter.class,
      description =
          "Diagnostics on stderr as text lines or JSON lines (default: text;"
              + " FLEETCHECK_LOG_FORMAT).")
  EventLog.Format logFormat;

  /** The event log for one invocation, in the log format the settings give. */
  EventLog open(CliEnvironment env, Settings settings) {
    if (verbose && quiet) {
      throw new ParameterException(
          mixee.commandLine(), "--verbose and --quiet cannot be used together");
    }
    EventLog.Severity threshold =
        verbose
            ? EventLog.Severity.DEBUG
            : quiet ? EventLog.Severity.ERROR : EventLog.Severity.INFO;
    EventLog.Format format =
        settings.get(
            Setting.LOG_FORMAT,
            text -> Names.parse(EventLog.Format.class, text),
            EventLog.Format.TEXT);
    return new EventLog(env.err(), format, threshold, env.runIds().get(), env.clock());
  }

  static final class LogFormatConverter extends LowerCaseEnumConverter<EventLog.Format> {
    LogFormatConverter() {
      super(EventLog.Format.class);
    }
  }
}
