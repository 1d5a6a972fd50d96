package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.SettingSource;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.cli.demo.DemoFleet;
import dev.fleetcheck.cli.demo.DemoInventory;
import dev.fleetcheck.cli.sweep.FleetTableFormat;
import dev.fleetcheck.cli.sweep.SweepSettings;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleetcheck demo}: the demo fleet from {@code examples/}, served over loopback git and
 * swept end to end on the embedded default, in this one JVM.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "Sweep the demo fleet (examples/) served over loopback git; write an HTML report.",
    description = {
      "Turns every folder of --examples into a git repository under <data dir>/demo/repos"
          + " (reused on later runs, committed again only when the example changed), serves"
          + " them on 127.0.0.1 with an in-process git daemon, writes a static inventory and"
          + " sweeps it like 'fleetcheck sweep'. The fleet table goes to stdout, the HTML"
          + " report to --html (its path is printed on stderr). Run it twice to see the trend"
          + " against the previous sweep.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  make run",
      "  fleetcheck demo --data-dir .fleetcheck --examples examples",
      "  fleetcheck demo --workers 4 --html /tmp/fleet.html"
    })
final class DemoCommand implements Callable<Integer> {

  private final CliEnvironment env;

  @Mixin LoggingOptions logging;

  @Mixin ConfigOptions config;

  @Option(
      names = {"-w", "--workers"},
      paramLabel = "N",
      description = "Parallel workers (default: 2; FLEETCHECK_WORKERS).")
  Integer workers;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data dir; the demo lives in its demo/ folder (default: ~/.fleetcheck).")
  Path dataDir;

  @Option(
      names = "--examples",
      paramLabel = "DIR",
      defaultValue = "examples",
      description = "Folder of example projects, one repository each (default: ${DEFAULT-VALUE}).")
  Path examples;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Where to write the HTML fleet report (default: <data dir>/demo/fleet-report.html).")
  Path html;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = SweepCommand.TableFormatConverter.class,
      description =
          "Fleet table as text, json, csv or markdown (default: text; FLEETCHECK_FORMAT).")
  FleetTableFormat format;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = ScanCommand.FailOnConverter.class,
      description =
          "Exit 3 when a repository breaks a rule of this level: required, recommended or never"
              + " (default: never for the demo, whose fleet is non-compliant on purpose).")
  FailOn failOn;

  @Option(
      names = "--scan-timeout",
      paramLabel = "DURATION",
      description =
          "Wall-clock bound of each repository's scan (default: 90s; FLEETCHECK_SCAN_TIMEOUT).")
  String scanTimeout;

  DemoCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings =
        config.resolve(
            env,
            new ConfigOptions.Flags()
                .put(Setting.DATA_DIR, dataDir)
                .put(Setting.WORKERS, workers)
                .put(Setting.FORMAT, format)
                .put(Setting.LOG_FORMAT, logging.logFormat)
                .put(Setting.FAIL_ON, failOn)
                .put(Setting.SCAN_TIMEOUT, scanTimeout)
                .toMap());
    EventLog log = logging.open(env, settings);
    try {
      // The demo fleet is non-compliant on purpose: unless told otherwise, the table is the point.
      FailOn threshold =
          settings.value(Setting.FAIL_ON).get().source() instanceof SettingSource.Default
              ? FailOn.NEVER
              : settings.get(Setting.FAIL_ON, t -> Names.parse(FailOn.class, t), FailOn.NEVER);
      Path data = SweepCommand.dataDir(env, settings);
      Path demo = data.resolve("demo");
      Path source = env.host().workingDirectory().resolve(examples).normalize();
      List<DemoFleet.DemoRepository> repositories =
          DemoFleet.prepare(source, demo.resolve("repos"), env.clock());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("examples", source.toString());
      fields.put("repositories", repositories.size());
      fields.put("folder", demo.resolve("repos").toString());
      log.info("demo.prepared", fields);
      try (LoopbackGitServer server = LoopbackGitServer.serve(demo.resolve("repos"))) {
        log.info("demo.serving", Map.of("url", server.url("")));
        Path inventory =
            DemoInventory.write(demo.resolve("inventory.yaml"), repositories, server::url);
        FleetSweep.Request request =
            new FleetSweep.Request(
                data,
                new StaticInventory(inventory),
                SweepSettings.workers(settings),
                Optional.empty(),
                settings.get(
                    Setting.FORMAT,
                    t -> Names.parse(FleetTableFormat.class, t),
                    FleetTableFormat.TEXT),
                "-",
                threshold,
                logging.quiet,
                log.format() == EventLog.Format.JSON,
                SweepSettings.scanTimeout(settings));
        Path report =
            html == null
                ? demo.resolve("fleet-report.html")
                : env.host().workingDirectory().resolve(html);
        return new FleetSweep(env, log)
            .run(
                request,
                (table, runtime) -> {
                  FleetReports.writeHtml(runtime, table.sweepId(), report);
                  Map<String, Object> written = new LinkedHashMap<>();
                  written.put("format", "html");
                  written.put("path", report.toString());
                  log.info("report.written", written);
                });
      }
    } catch (RuntimeException e) {
      return Failures.report(log, e);
    }
  }
}
