package dev.fleetcheck.functions.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fleetcheck.core.engine.EngineScanner;
import dev.fleetcheck.core.engine.ScanEngine;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.FleetPorts;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.snapshot.SnapshotLimits;
import dev.fleetcheck.functions.common.AwsFleetPorts;
import dev.fleetcheck.functions.common.FunctionEnvironment;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.GitHubAccess;
import dev.fleetcheck.functions.common.InitTask;
import dev.fleetcheck.functions.common.JsonWarmUp;
import dev.fleetcheck.functions.common.Metrics;
import dev.fleetcheck.vcs.AccessToken;
import dev.fleetcheck.vcs.fetch.FetchLimits;
import dev.fleetcheck.vcs.fetch.JGitFetcher;
import dev.fleetcheck.vcs.fetch.RepoUrl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The worker's parts, built once per instance: the fleet use cases over the deployment's ports, the
 * scan engine, a git fetcher cloning under the work folder (its calls logged and timed as clone
 * durations), and the scan timeout every job is bounded by.
 */
public final class WorkerWiring {

  static final String SCAN_TIMEOUT = "FLEETCHECK_SCAN_TIMEOUT_SECONDS";
  public static final String ALLOW_FILE_URLS_VARIABLE = "FLEETCHECK_ALLOW_FILE_URLS";
  static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofSeconds(120);

  private final FunctionRuntime runtime;
  private final WorkFolder work;
  private final TimeBoxedBatch batch;

  /**
   * @param git clones into {@code workRoot} (see {@link #jgit})
   */
  public WorkerWiring(
      FleetPorts ports, PrintStream out, Path workRoot, Duration scanTimeout, RepoFetcher git) {
    RulePack pack = RulePack.standard();
    this.runtime =
        FunctionRuntime.over("worker", ports, new FleetRuntime.Settings(pack.digest()), out);
    this.work = new WorkFolder(workRoot);
    RepoFetcher timedGit = runtime.calls().wrap(RepoFetcher.class, git, "git", "CloneDuration");
    Clock clock = ports.clock();
    this.batch =
        new TimeBoxedBatch(
            runtime
                .fleet()
                .worker(
                    timedGit,
                    new EngineScanner(
                        new ScanEngine(pack, clock, "fleetcheck-worker"),
                        SnapshotLimits.defaults())),
            scanTimeout,
            runtime.log(),
            runtime.metrics());
  }

  /**
   * JGit clones under {@code workRoot}, bounded by the scan timeout.
   *
   * @param tokens the GitHub token offered on each clone from a host that may receive it (https)
   * @param allowFileUrls whether file:// repositories are accepted (local fleets, tests)
   */
  public static RepoFetcher jgit(
      Path workRoot,
      Duration scanTimeout,
      Supplier<Optional<String>> tokens,
      boolean allowFileUrls) {
    FetchLimits limits =
        new FetchLimits(
            scanTimeout, FetchLimits.DEFAULT.maxBytes(), FetchLimits.DEFAULT.maxFiles());
    // Only a host that may be offered the token asks for it: a local fleet needs no secret, even
    // when the deployment's secret has no value yet.
    return repo ->
        new JGitFetcher(
                limits,
                workRoot,
                RepoUrl.parse(repo.url(), allowFileUrls).acceptsToken()
                    ? tokens.get().map(AccessToken::of)
                    : Optional.empty(),
                allowFileUrls)
            .fetch(repo);
  }

  public static Path defaultWorkRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "fleetcheck-work");
  }

  public static WorkerWiring fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, System.out, defaultWorkRoot());
  }

  /**
   * The AWS wiring of {@code env}, logging to {@code out} and cloning under {@code workRoot} (an
   * in-process run beside others on one machine).
   */
  public static WorkerWiring fromEnvironment(
      Map<String, String> env, PrintStream out, Path workRoot) {
    FunctionEnvironment settings = FunctionEnvironment.of(env);
    Duration timeout = scanTimeout(env);
    // The SDK clients, and those that read the GitHub secret, on threads of their own while this
    // one loads the rule pack and runs the batch's JSON path on a constant (ADR 0032). Both are
    // waited for here: init still fails when they cannot be built, and nothing runs on after it.
    InitTask<FleetPorts> ports =
        InitTask.start("aws", () -> AwsFleetPorts.open(settings, Optional::empty));
    InitTask<Supplier<Optional<String>>> tokens =
        InitTask.start("github", () -> GitHubAccess.tokens(settings));
    RulePack.standard();
    JsonWarmUp.run();
    WorkerWarmUp.run();
    FleetPorts built = ports.get();
    return new WorkerWiring(
        built,
        out,
        workRoot,
        timeout,
        jgit(
            workRoot,
            timeout,
            tokens.get(),
            Boolean.parseBoolean(env.getOrDefault(ALLOW_FILE_URLS_VARIABLE, "false"))));
  }

  public static Duration scanTimeout(Map<String, String> env) {
    String value = env.get(SCAN_TIMEOUT);
    if (value == null || value.isBlank()) {
      return DEFAULT_SCAN_TIMEOUT;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FleetcheckException(ErrorCode.INVALID_CONFIG, SCAN_TIMEOUT + " must be positive");
  }

  FunctionRuntime runtime() {
    return runtime;
  }

  WorkFolder work() {
    return work;
  }

  TimeBoxedBatch batch() {
    return batch;
  }

  /** Queue age: how long each message waited before this delivery. */
  void recordQueueAges(SQSEvent event) {
    long now = runtime.fleet().ports().clock().millis();
    SqsDeliveries.queueAges(event, now)
        .forEach(
            age -> runtime.metrics().add("QueueAge", Metrics.Unit.MILLISECONDS, age, Map.of()));
  }
}
