package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import dev.fleetcheck.embedded.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetcheck report}: one sweep's fleet report from the data dir. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "Write a sweep's fleet report: HTML, CSV, JSON or SARIF.",
    description = {
      "Reads the sweep's results from the data dir (the latest sweep unless --sweep names"
          + " one) and writes the fleet report: scores, bands, teams, the rules failing most,"
          + " the trend against the previous sweep, and the failed scans with their error_code."
          + " The file is written atomically.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fleetcheck report --format html --output fleet.html",
      "  fleetcheck report --sweep sw-20260101T120000Z-a1b2c3 --format csv --output fleet.csv",
      "  fleetcheck report --format sarif --output fleet.sarif",
      "  fleetcheck report --format json --output - | jq .totals"
    })
final class ReportCommand implements Callable<Integer> {

  private final CliEnvironment env;

  @Mixin LoggingOptions logging;

  @Mixin ConfigOptions config;

  @Option(
      names = "--sweep",
      paramLabel = "ID",
      description = "The sweep to report (default: the latest).")
  String sweep;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      description = "html, csv, json or sarif (default: html; FLEETCHECK_FORMAT).")
  FleetReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|-",
      required = true,
      description = "Write the report to FILE (atomically), or to stdout with '-'.")
  String output;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the sweeps' results live (default: ~/.fleetcheck; FLEETCHECK_DATA_DIR).")
  Path dataDir;

  ReportCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings =
        config.resolve(
            env,
            new ConfigOptions.Flags()
                .put(Setting.DATA_DIR, dataDir)
                .put(Setting.FORMAT, format)
                .put(Setting.LOG_FORMAT, logging.logFormat)
                .toMap());
    EventLog log = logging.open(env, settings);
    try {
      FleetReportFormat chosen =
          settings.get(Setting.FORMAT, FleetReportFormat::fromId, FleetReportFormat.HTML);
      Path data = SweepCommand.dataDir(env, settings);
      if (!Files.isRegularFile(data.resolve(SqliteDatabase.FILE_NAME))) {
        throw new FleetcheckException(
            ErrorCode.SWEEP_NOT_FOUND, "no sweep has run with the data dir " + data);
      }
      String rendered;
      try (FleetRuntime runtime =
          FleetRuntime.open(data, env.pack(), env.clock(), BuildInfo.current().version())) {
        rendered = FleetReports.render(runtime, Optional.ofNullable(sweep), chosen);
      }
      Output.write(env, output, rendered, log);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("format", chosen.id());
      fields.put("sweep_id", sweep == null ? "latest" : sweep);
      fields.put(
          "path",
          output.equals("-")
              ? "-"
              : env.host().workingDirectory().resolve(output).normalize().toString());
      log.info("report.written", fields);
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return Failures.report(log, e);
    }
  }

  static final class ReportFormatConverter extends LowerCaseEnumConverter<FleetReportFormat> {
    ReportFormatConverter() {
      super(FleetReportFormat.class);
    }
  }
}
