package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.fleet.FailOn;
import dev.fleetcheck.core.model.RuleResult;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.report.SourceUris;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleetcheck scan}: one repository, one report. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "Scan one repository (a local folder or a git URL) against the standard.",
    description = {
      "Checks the repository against all 314 rules of the Python engineering standard (or the"
          + " ones --rules selects) and writes one report. Results go to stdout or --output;"
          + " diagnostics go to stderr.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fleetcheck scan .",
      "  fleetcheck scan ~/src/payments --format json --output payments.json",
      "  fleetcheck scan https://github.com/acme/payments.git -f sarif -o scan.sarif",
      "  fleetcheck scan . --rules 'PY-LCL-*,PY-SEC-041' --fail-on recommended",
      "  fleetcheck scan . --format markdown --quiet >> \"$GITHUB_STEP_SUMMARY\"",
      "",
      "Exit codes: 0 compliant at --fail-on, 3 non-compliant,",
      "            1 operational failure, 2 usage error (docs/exit-codes.md)."
    })
final class ScanCommand implements Callable<Integer> {

  private final CliEnvironment env;

  @Spec CommandSpec spec;

  @Mixin LoggingOptions logging;

  @Parameters(
      index = "0",
      paramLabel = "PATH|GIT_URL",
      description =
          "A local folder, or a git URL (https://, http://, git://, ssh://, file://,"
              + " user@host:path) to clone.")
  String target;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "text, json, sarif, csv or markdown (default: text; FLEETCHECK_FORMAT).")
  OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|-",
      defaultValue = "-",
      description =
          "Write the report to FILE (atomically: a failed write leaves the old file) or to"
              + " stdout with '-' (default).")
  String output;

  @Option(
      names = "--rules",
      paramLabel = "IDS",
      split = ",",
      description =
          "Only these rules: IDs or prefixes ending in '*', comma-separated"
              + " (e.g. PY-LCL-001,PY-SEC-*). Default: every rule.")
  List<String> rules;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = FailOnConverter.class,
      description =
          "Exit 3 when a rule of this level or a stricter one FAILs or ERRORs: required,"
              + " recommended or never (default: required; FLEETCHECK_FAIL_ON).")
  FailOn failOn;

  @Mixin ConfigOptions config;

  ScanCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings =
        config.resolve(
            env,
            new ConfigOptions.Flags()
                .put(Setting.FORMAT, format)
                .put(Setting.FAIL_ON, failOn)
                .put(Setting.LOG_FORMAT, logging.logFormat)
                .toMap());
    format =
        settings.get(Setting.FORMAT, t -> Names.parse(OutputFormat.class, t), OutputFormat.TEXT);
    failOn = settings.get(Setting.FAIL_ON, t -> Names.parse(FailOn.class, t), FailOn.REQUIRED);
    EventLog log = logging.open(env, settings);
    long started = System.nanoTime();
    RulePack pack = env.pack();
    RuleSelection selection = selection(pack);
    ScanTarget scanTarget = scanTarget();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("target", scanTarget.displaySource());
    start.put("format", format.id());
    start.put("fail_on", failOn.id());
    start.put("rules", selection.ids().size());
    log.info("scan.start", start);
    try {
      ScanReport report;
      String rendered;
      try (Checkout checkout = open(scanTarget, log)) {
        RepoSnapshot snapshot = RepoSnapshot.of(checkout.directory());
        log.debug(
            "snapshot.built",
            Map.of("files", snapshot.files().size(), "notes", snapshot.notes().size()));
        ScanEngine engine = new ScanEngine(pack, env.clock(), BuildInfo.current().version());
        report = engine.scan(snapshot, checkout.repository(), selection);
        rendered = format.render(report, snapshot);
      }
      writeOut(rendered, log);
      Optional<RuleResult> breach = failOn.breach(report);
      int exit = breach.isPresent() ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
      if (!report.pythonProject()) {
        // Not compliant, not failing: nothing here to check, which the caller must hear.
        exit = ExitCodes.NO_PYTHON_PROJECT;
        log.log(
            EventLog.Severity.WARN,
            "scan.no_python_project",
            Map.of(
                "error_code",
                ErrorCode.NO_PYTHON_PROJECT.code(),
                "message",
                "no Python project in "
                    + scanTarget.displaySource()
                    + ": no pyproject.toml, setup.py, setup.cfg, requirements*.txt or .py file"
                    + " outside vendored folders; every rule is NOT_APPLICABLE and nothing is"
                    + " scored"));
      }
      log.info("scan.end", end(report, started, exit, breach));
      return exit;
    } catch (RuntimeException e) {
      return Failures.report(log, e);
    }
  }

  private RuleSelection selection(RulePack pack) {
    try {
      return RuleSelection.parse(rules, pack);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
    }
  }

  private ScanTarget scanTarget() {
    ScanTarget parsed;
    try {
      parsed = ScanTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (parsed instanceof ScanTarget.LocalPath local && !Files.isDirectory(local.path())) {
      throw new ParameterException(
          spec.commandLine(),
          "no folder at "
              + local.path()
              + " (give a repository folder, or a URL such as https://host/org/repo.git)");
    }
    return parsed;
  }

  private Checkout open(ScanTarget scanTarget, EventLog log) {
    if (scanTarget instanceof ScanTarget.LocalPath local) {
      return Checkout.local(local);
    }
    ScanTarget.GitUrl url = (ScanTarget.GitUrl) scanTarget;
    long started = System.nanoTime();
    Checkout checkout = Checkout.clone(url, env.fetchers().create());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("dependency", "git");
    fields.put("operation", "fetch");
    fields.put("target", SourceUris.redact(url.url()));
    fields.put("duration_ms", millisSince(started));
    fields.put("commit", checkout.repository().commit());
    log.info("dependency.call", fields);
    return checkout;
  }

  private void writeOut(String rendered, EventLog log) {
    if (output.equals("-")) {
      env.out().print(rendered);
      env.out().flush();
      return;
    }
    Path file = Path.of(output);
    AtomicFileWriter.write(file, rendered);
    log.debug("report.written", Map.of("path", file.toAbsolutePath().normalize().toString()));
  }

  private static Map<String, Object> end(
      ScanReport report, long started, int exit, Optional<RuleResult> breach) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("duration_ms", millisSince(started));
    fields.put("repository", report.repository().name());
    fields.put("commit", report.repository().commit());
    fields.put(
        "profiles",
        String.join(",", report.profiles().stream().map(p -> p.id()).sorted().toList()));
    if (report.pythonProject()) {
      fields.put("score", report.score().value());
    }
    report.counts().forEach((status, count) -> fields.put(countKey(status), count));
    fields.put("exit_code", exit);
    breach.ifPresent(b -> fields.put("first_breach", b.rule().id()));
    return fields;
  }

  private static String countKey(Status status) {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }

  static final class FormatConverter extends LowerCaseEnumConverter<OutputFormat> {
    FormatConverter() {
      super(OutputFormat.class);
    }
  }

  static final class FailOnConverter extends LowerCaseEnumConverter<FailOn> {
    FailOnConverter() {
      super(FailOn.class);
    }
  }
}
