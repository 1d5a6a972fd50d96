package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.fleet.FleetRuntime;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.embedded.EmbeddedFleet;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import dev.fleetcheck.functions.api.ApiHandler;
import dev.fleetcheck.functions.common.FunctionRuntime;
import dev.fleetcheck.functions.common.LocalContext;
import dev.fleetcheck.functions.sweep.SweepHandler;
import dev.fleetcheck.functions.worker.WorkerHandler;
import dev.fleetcheck.functions.worker.WorkerWiring;
import dev.fleetcheck.vcs.inventory.StaticInventory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make invoke FUNCTION=worker EVENT=events/...}: runs one handler in this JVM on an event
 * file, the way {@code sam local invoke} would without Docker, and prints its response on stdout
 * (the function's log lines go to stderr). FLEETCHECK_MODE=embedded (default) wires the embedded
 * default's ports in FLEETCHECK_DATA_DIR (.fleetcheck/data); FLEETCHECK_MODE=local-aws wires the
 * AWS adapters from .fleetcheck/local-aws.env, which {@code make up} writes.
 */
public final class LocalInvoke {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Duration> TIMEOUTS = LocalAwsFunctions.TIMEOUTS;

  private LocalInvoke() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !TIMEOUTS.containsKey(args[0])) {
      System.err.println("usage: LocalInvoke sweep|worker|api EVENT_FILE");
      System.exit(2);
    }
    PrintStream stdout = System.out;
    System.setOut(System.err); // log lines are diagnostics here; stdout carries the response only
    String function = args[0];
    String event = Files.readString(Path.of(args[1]));
    Map<String, String> env = new HashMap<>(System.getenv());
    LocalContext context = new LocalContext(function, TIMEOUTS.get(function));
    JsonNode response;
    if ("local-aws".equals(env.getOrDefault("FLEETCHECK_MODE", "embedded"))) {
      env.putAll(localAwsEnv(env));
      env.putIfAbsent(WorkerWiring.ALLOW_FILE_URLS_VARIABLE, "true");
      response = invoke(awsHandler(function, env), event, context);
    } else {
      try (EmbeddedRuntime runtime = embedded(env)) {
        response = invoke(embeddedHandler(function, env, runtime), event, context);
      }
    }
    stdout.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response));
  }

  /** The stream entry Lambda calls (ADR 0025), on the event file's bytes; the answer as JSON. */
  private static JsonNode invoke(RequestStreamHandler handler, String event, LocalContext context)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
    return JSON.readTree(out.toByteArray());
  }

  private static RequestStreamHandler awsHandler(String function, Map<String, String> env) {
    return switch (function) {
      case "sweep" -> new SweepHandler(env);
      case "worker" -> new WorkerHandler(env);
      default -> new ApiHandler(env);
    };
  }

  private static RequestStreamHandler embeddedHandler(
      String function, Map<String, String> env, EmbeddedRuntime runtime) {
    var ports = runtime.fleet().ports();
    return switch (function) {
      case "sweep" -> {
        Path inventory =
            Path.of(
                Optional.ofNullable(env.get("FLEETCHECK_INVENTORY"))
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "set FLEETCHECK_INVENTORY to a repository list for a local sweep")));
        yield new SweepHandler(
            FunctionRuntime.over("sweep", ports, runtime.fleet().settings(), System.out),
            () -> new StaticInventory(inventory));
      }
      case "worker" -> {
        Duration timeout = WorkerWiring.scanTimeout(env);
        Path work = WorkerWiring.defaultWorkRoot();
        RepoFetcher git = WorkerWiring.jgit(work, timeout, Optional::empty, true);
        yield new WorkerHandler(
            new WorkerWiring(ports, System.out, work, timeout, fromFleetDir(git, env)));
      }
      default ->
          new ApiHandler(
              FunctionRuntime.over("api", ports, runtime.fleet().settings(), System.out));
    };
  }

  /**
   * With FLEETCHECK_FLEET_DIR set, each repository is cloned from the folder of its name there
   * instead of its URL, so the sample events' github.com repositories run against a local fleet.
   */
  private static RepoFetcher fromFleetDir(RepoFetcher git, Map<String, String> env) {
    String dir = env.get("FLEETCHECK_FLEET_DIR");
    if (dir == null || dir.isBlank()) {
      return git;
    }
    return repo ->
        git.fetch(
            new RepoRef(
                repo.name(),
                Path.of(dir).resolve(repo.name()).toUri().toString(),
                repo.team(),
                repo.defaultBranch()));
  }

  private static EmbeddedRuntime embedded(Map<String, String> env) {
    return EmbeddedRuntime.open(
        Path.of(env.getOrDefault("FLEETCHECK_DATA_DIR", ".fleetcheck/data")),
        Clock.systemUTC(),
        EmbeddedFleet.QueueSettings.defaults(),
        new FleetRuntime.Settings("local"),
        FailureLog.NONE);
  }

  /** The variables {@code make up} wrote (FLEETCHECK_LOCAL_AWS_ENV names another file). */
  static Map<String, String> localAwsEnv(Map<String, String> env) throws IOException {
    return envFile(
        Path.of(env.getOrDefault("FLEETCHECK_LOCAL_AWS_ENV", ".fleetcheck/local-aws.env")));
  }

  private static Map<String, String> envFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(file + " is missing: run make up first");
    }
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return values;
  }
}
