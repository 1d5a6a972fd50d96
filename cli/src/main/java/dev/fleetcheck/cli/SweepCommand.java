package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.cli.sweep.FleetTableFormat;
import dev.fleetcheck.cli.sweep.SweepSettings;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import dev.fleetcheck.vcs.inventory.GitHubOrgInventory;
import dev.fleetcheck.vcs.inventory.GitHubOrgQuery;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleetcheck sweep}: scan a whole fleet on the embedded default. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "Scan every repository of a fleet (an inventory file or a GitHub organisation).",
    description = {
      "Lists the fleet, queues one scan job per repository in the data dir, and runs N workers"
          + " until every repository has a result. Progress goes to stderr; the fleet table"
          + " (score, band, FAIL count, trend against the previous sweep, error_code of failed"
          + " scans) goes to stdout or --output. Ctrl+C stops cleanly: resume with --resume.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fleetcheck sweep --inventory fleet.yaml",
      "  fleetcheck sweep --inventory fleet.yaml --workers 4 --format csv --output fleet.csv",
      "  FLEETCHECK_GITHUB_TOKEN=... fleetcheck sweep --github-org acme --topic python",
      "  fleetcheck sweep --inventory fleet.yaml --resume sw-20260101T120000Z-a1b2c3",
      "",
      "Exit codes: 0 every repository scanned and compliant at --fail-on,",
      "            3 a repository is non-compliant, 1 a scan failed or the sweep could not run,",
      "            2 usage error (docs/exit-codes.md)."
    })
final class SweepCommand implements Callable<Integer> {

  static final int MAX_WORKERS = SweepSettings.MAX_WORKERS;

  private final CliEnvironment env;

  @Spec CommandSpec spec;

  @Mixin LoggingOptions logging;

  @Mixin ConfigOptions config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Fleet fleet;

  /** Where the fleet comes from: exactly one. */
  static final class Fleet {
    @Option(
        names = "--inventory",
        paramLabel = "FILE",
        required = true,
        description = "YAML or JSON inventory: a list of {url, name, team, default_branch}.")
    Path inventory;

    @Option(
        names = "--github-org",
        paramLabel = "ORG",
        required = true,
        description =
            "Every repository of this GitHub organisation (token: FLEETCHECK_GITHUB_TOKEN).")
    String githubOrg;
  }

  @Option(
      names = {"-w", "--workers"},
      paramLabel = "N",
      description = "Parallel workers, 1 to " + MAX_WORKERS + " (default: 2; FLEETCHECK_WORKERS).")
  Integer workers;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = TableFormatConverter.class,
      description =
          "Fleet table as text, json, csv or markdown (default: text; FLEETCHECK_FORMAT).")
  FleetTableFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Write the table to FILE (atomically) or to stdout with '-' (default).")
  String output;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where results, reports and the queue live (default: ~/.fleetcheck;"
              + " FLEETCHECK_DATA_DIR).")
  Path dataDir;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = ScanCommand.FailOnConverter.class,
      description =
          "Exit 3 when a repository FAILs or ERRORs a rule of this level or stricter: required,"
              + " recommended or never (default: required; FLEETCHECK_FAIL_ON).")
  FailOn failOn;

  @Option(
      names = "--resume",
      paramLabel = "SWEEP_ID",
      description =
          "Resume this sweep (after Ctrl+C or a crash): only repositories without a result are"
              + " queued again.")
  String resume;

  @Option(names = "--include-archived", description = "GitHub: keep archived repositories.")
  boolean includeArchived;

  @Option(names = "--include-forks", description = "GitHub: keep forks.")
  boolean includeForks;

  @Option(names = "--include-disabled", description = "GitHub: keep disabled repositories.")
  boolean includeDisabled;

  @Option(
      names = "--topic",
      paramLabel = "T",
      description = "GitHub: keep only repositories with this topic (repeatable: any of them).")
  List<String> topics;

  @Option(
      names = "--github-api",
      paramLabel = "URL",
      description =
          "GitHub REST API root, for GitHub Enterprise Server"
              + " (default: https://api.github.com/; FLEETCHECK_GITHUB_API).")
  String githubApi;

  @Option(
      names = "--scan-timeout",
      paramLabel = "DURATION",
      description =
          "Wall-clock bound of each repository's scan, e.g. 90s or 1m; a scan that runs out is"
              + " recorded as scan_timeout (default: 90s; FLEETCHECK_SCAN_TIMEOUT).")
  String scanTimeout;

  SweepCommand(CliEnvironment env) {
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
                .put(Setting.GITHUB_API, githubApi)
                .put(Setting.SCAN_TIMEOUT, scanTimeout)
                .toMap());
    EventLog log = logging.open(env, settings);
    try {
      env.fetchers().create(); // a bad token or git setup fails here, not in every job
      FleetSweep.Request request =
          new FleetSweep.Request(
              dataDir(env, settings),
              inventory(settings),
              SweepSettings.workers(settings),
              Optional.ofNullable(resume),
              settings.get(
                  Setting.FORMAT,
                  t -> Names.parse(FleetTableFormat.class, t),
                  FleetTableFormat.TEXT),
              output,
              settings.get(Setting.FAIL_ON, t -> Names.parse(FailOn.class, t), FailOn.REQUIRED),
              logging.quiet,
              log.format() == EventLog.Format.JSON,
              SweepSettings.scanTimeout(settings));
      return new FleetSweep(env, log).run(request, (table, runtime) -> {});
    } catch (RuntimeException e) {
      return Failures.report(log, e);
    }
  }

  static Path dataDir(CliEnvironment env, Settings settings) {
    return settings.get(
        Setting.DATA_DIR,
        text -> env.host().workingDirectory().resolve(text).normalize(),
        env.host().defaultDataDir());
  }

  private RepoInventory inventory(Settings settings) {
    if (fleet.inventory != null) {
      return new StaticInventory(env.host().workingDirectory().resolve(fleet.inventory));
    }
    URI api = settings.get(Setting.GITHUB_API, URI::create, GitHubOrgQuery.GITHUB_API);
    GitHubOrgQuery query;
    try {
      query =
          GitHubOrgQuery.of(fleet.githubOrg)
              .withApiBase(api)
              .withArchived(includeArchived)
              .withForks(includeForks)
              .withDisabled(includeDisabled)
              .withTopics(topics == null ? Set.of() : Set.copyOf(topics));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return GitHubOrgInventory.create(query, GitFetchers.token(env.host().environment()));
  }

  static final class TableFormatConverter extends LowerCaseEnumConverter<FleetTableFormat> {
    TableFormatConverter() {
      super(FleetTableFormat.class);
    }
  }
}
