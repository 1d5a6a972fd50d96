package dev.fleetcheck.functions.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench}'s cold-start proxy for the Lambda functions, as deployed: each function's own
 * deployment jar in fresh JVMs started with template.yaml's {@code JAVA_TOOL_OPTIONS}, its handler
 * created and invoked the way the Lambda Java runtime does ({@link ColdStartProbe}), wired by its
 * environment variables to the AWS adapters on a local endpoint (moto_server through {@code
 * infra/local-aws.sh}), against the minimal handler run the same way in the same rounds. For the
 * functions with SnapStart (api, sweep) it also prints the priming and the first invocation after a
 * restore. The worker's repository URLs point at a folder that does not exist: its figure is init
 * plus a batch whose clones fail at once (the scan itself is the throughput figures' business). A
 * third baseline, {@link SdkFloor} on the sweep's jar, shows the AWS SDK's own share: its client
 * and one DynamoDB read.
 */
public final class ColdStart {

  private static final int RUNS = 5;

  /** The probe of {@link SdkFloor}: the AWS SDK's own cold start, on the sweep's jar. */
  private static final String SDK_FLOOR = "sdk-floor";

  private static final Pattern TOOL_OPTIONS =
      Pattern.compile("^\\s*JAVA_TOOL_OPTIONS:\\s*(.+?)\\s*$", Pattern.MULTILINE);

  private static final Pattern VARIABLE = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*):.*$");

  private record Function(String name, String handler, String event, boolean snapStart) {}

  private static final List<Function> FUNCTIONS =
      List.of(
          new Function(
              "sweep",
              "dev.fleetcheck.functions.sweep.SweepHandler",
              "events/sweep/schedule.json",
              true),
          new Function(
              "worker",
              "dev.fleetcheck.functions.worker.WorkerHandler",
              "events/worker/sqs-batch.json",
              false),
          new Function(
              "api", "dev.fleetcheck.functions.api.ApiHandler", "events/api/get-scan.json", true));

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String toolOptions = toolOptions(Path.of("template.yaml"));
    List<String> runtimeJars = runtimeJars();
    Path work = Files.createTempDirectory("fleetcheck-coldstart");
    System.out.println(
        "Lambda functions: artifact size and cold-start proxy, as deployed (median of "
            + RUNS
            + "; JAVA_TOOL_OPTIONS from template.yaml: "
            + toolOptions
            + ")");
    LocalAwsEndpoint endpoint;
    try {
      endpoint = LocalAwsEndpoint.start();
    } catch (IOException e) {
      System.out.println("  skipped: no local AWS endpoint (" + e.getMessage() + ")");
      return;
    }
    try (endpoint) {
      Map<String, String> env = new HashMap<>();
      env.put("AWS_REGION", endpoint.variables().get("AWS_REGION"));
      env.put("FLEETCHECK_AWS_ENDPOINT", endpoint.variables().get("FLEETCHECK_AWS_ENDPOINT"));
      env.put("JAVA_TOOL_OPTIONS", toolOptions);
      env.put("FLEETCHECK_INVENTORY", inventory(work).toString());
      env.put("FLEETCHECK_ALLOW_FILE_URLS", "true");
      report(
          probes(String.join(":", runtimeJars), workerEvent(work)),
          env,
          functionVariables(Path.of("template.yaml"), endpoint.variables()));
    }
  }

  /** One kind of fresh JVM the bench starts: a handler, its class path, event and mode. */
  private record Probe(
      String name, String classes, String handler, String event, String mode, long jarBytes) {}

  private static List<Probe> probes(String runtimeClasses, Path workerEvent) throws IOException {
    String minimal = ColdStartProbe.Minimal.class.getName();
    String schedule = "events/sweep/schedule.json";
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("minimal", runtimeClasses, minimal, schedule, "fresh", 0));
    probes.add(new Probe("bare", runtimeClasses, minimal, schedule, "bare", 0));
    String stream = ColdStartProbe.MinimalStream.class.getName();
    probes.add(new Probe("stream", runtimeClasses, stream, schedule, "fresh", 0));
    Path sdkJar = functionJar("sweep");
    if (Files.exists(sdkJar)) {
      probes.add(
          new Probe(
              SDK_FLOOR,
              runtimeClasses + ":" + sdkJar,
              SdkFloor.class.getName(),
              schedule,
              "fresh",
              0));
    }
    for (Function function : FUNCTIONS) {
      Path jar = functionJar(function.name());
      if (!Files.exists(jar)) {
        System.out.printf("  %-8s not built (make package)%n", function.name());
        continue;
      }
      String classes = runtimeClasses + ":" + jar;
      String event = function.name().equals("worker") ? workerEvent.toString() : function.event();
      long bytes = Files.size(jar);
      probes.add(new Probe(function.name(), classes, function.handler(), event, "fresh", bytes));
      if (function.snapStart()) {
        probes.add(
            new Probe(function.name(), classes, function.handler(), event, "snapstart", bytes));
      }
    }
    return probes;
  }

  /** A function's deployment jar, as {@code make package} builds it. */
  private static Path functionJar(String function) {
    return Path.of(
        "functions", function, "target", "fleetcheck-fn-" + function + "-0.1.0-lambda.jar");
  }

  /**
   * Runs every probe once per round, in turn, so that each figure and its baselines share the
   * machine's load; prints medians, and each ratio as the median of the rounds' ratios.
   */
  private static void report(
      List<Probe> probes, Map<String, String> env, Map<String, Map<String, String>> perFunction)
      throws Exception {
    Map<Probe, List<long[]>> runs = new LinkedHashMap<>();
    for (int round = 0; round < RUNS; round++) {
      for (Probe probe : probes) {
        Map<String, String> variables = new HashMap<>(env);
        // The SDK floor reads the sweep's table, wired as the sweep is.
        String wiredAs = probe.name().equals(SDK_FLOOR) ? "sweep" : probe.name();
        variables.putAll(perFunction.getOrDefault(wiredAs, Map.of()));
        long[] result = run(probe, variables);
        runs.computeIfAbsent(probe, p -> new ArrayList<>()).add(result);
      }
    }
    List<long[]> minimal = runs.get(probes.get(0));
    List<long[]> bare = runs.get(probes.get(1));
    List<long[]> stream = runs.get(probes.get(2));
    System.out.printf(
        "  %-8s %8s  %6d ms  (baseline: trivial RequestHandler, its event read and its answer"
            + " written by the runtime's serialisation library, as on Lambda)%n",
        "minimal", "-", median(minimal, 0));
    System.out.printf(
        "  %-8s %8s  %6d ms  (for reference: the same handler called directly, no"
            + " serialisation: the JVM's own start)%n",
        "bare", "-", median(bare, 0));
    System.out.printf(
        "  %-8s %8s  %6d ms  (the stricter baseline: trivial RequestStreamHandler, the entry the"
            + " functions use; the runtime serialises nothing for it)%n",
        "stream", "-", median(stream, 0));
    for (Probe probe : probes.subList(3, probes.size())) {
      List<long[]> results = runs.get(probe);
      if (probe.name().equals(SDK_FLOOR)) {
        System.out.printf(
            "  %-8s %8s  %6d ms  (x%.2f the baseline: the AWS SDK alone, the DynamoDB client built"
                + " as the functions build it and one read; no function goes under it without"
                + " SnapStart)%n",
            "sdk", "-", median(results, 0), ratio(results, 0, minimal));
        continue;
      }
      if (results.stream().anyMatch(r -> r.length == 0)) {
        System.out.printf("  %-8s %8s  SnapStart figure not available (no hooks)%n", "", "");
      } else if (probe.mode().equals("fresh")) {
        System.out.printf(
            "  %-8s %5d MB  %6d ms  (x%.2f the baseline, x%.2f the stream baseline, x%.1f bare)"
                + " fresh JVM: init + first invocation%n",
            probe.name(),
            probe.jarBytes() / 1024 / 1024,
            median(results, 0),
            ratio(results, 0, minimal),
            ratio(results, 0, stream),
            ratio(results, 0, bare));
      } else {
        System.out.printf(
            "  %-8s %8s  %6d ms  (x%.2f the baseline, x%.1f bare) SnapStart: first invocation"
                + " after restore (priming %d ms at publish; the restore itself is not"
                + " measured)%n",
            "",
            "",
            median(results, 1),
            ratio(results, 1, minimal),
            ratio(results, 1, bare),
            median(results, 0));
      }
    }
  }

  private static long median(List<long[]> results, int column) {
    long[] values = results.stream().mapToLong(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  /** The median over rounds of this round's figure over the same round's baseline. */
  private static double ratio(List<long[]> results, int column, List<long[]> baseline) {
    double[] ratios = new double[results.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = (double) results.get(i)[column] / Math.max(1, baseline.get(i)[0]);
    }
    Arrays.sort(ratios);
    return ratios[ratios.length / 2];
  }

  /**
   * template.yaml's Globals JAVA_TOOL_OPTIONS: the JVM options Lambda applies to every function.
   */
  static String toolOptions(Path template) throws IOException {
    Matcher matcher = TOOL_OPTIONS.matcher(Files.readString(template));
    if (!matcher.find()) {
      throw new IllegalStateException("template.yaml sets no JAVA_TOOL_OPTIONS");
    }
    return matcher.group(1);
  }

  /**
   * For each function, the endpoint's variables that template.yaml sets on that function (a
   * function is wired as deployed: the worker, which gets no cursor-key secret on Lambda, must not
   * read one here).
   */
  static Map<String, Map<String, String>> functionVariables(
      Path template, Map<String, String> endpoint) throws IOException {
    Map<String, Map<String, String>> variables = new HashMap<>();
    for (Function function : FUNCTIONS) {
      Map<String, String> own = new HashMap<>();
      for (String name : templateVariables(template, function.name())) {
        if (endpoint.containsKey(name)) {
          own.put(name, endpoint.get(name));
        }
      }
      variables.put(function.name(), own);
    }
    return variables;
  }

  /** The names under {@code Environment: Variables:} of template.yaml's function {@code name}. */
  static List<String> templateVariables(Path template, String name) throws IOException {
    List<String> lines = Files.readAllLines(template);
    List<String> names = new ArrayList<>();
    int at = 0;
    while (at < lines.size() && !lines.get(at).strip().endsWith("${AWS::StackName}-" + name)) {
      at++;
    }
    while (at < lines.size() && !lines.get(at).strip().equals("Variables:")) {
      at++;
    }
    if (at == lines.size()) {
      throw new IllegalStateException("template.yaml has no variables for function " + name);
    }
    int indent = indent(lines.get(at));
    for (int i = at + 1; i < lines.size() && indent(lines.get(i)) > indent; i++) {
      Matcher variable = VARIABLE.matcher(lines.get(i));
      if (variable.matches()) {
        names.add(variable.group(1));
      }
    }
    return names;
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** What the Lambda Java runtime brings: its core interfaces and its serialisation library. */
  private static List<String> runtimeJars() {
    List<String> jars = new ArrayList<>();
    jars.add(Path.of("functions", "local", "target", "classes").toString());
    for (String entry : System.getProperty("java.class.path").split(":")) {
      String file = Path.of(entry).getFileName().toString();
      if (file.startsWith("aws-lambda-java-core-")
          || file.startsWith("aws-lambda-java-serialization-")) {
        jars.add(entry);
      }
    }
    return jars;
  }

  private static Path inventory(Path work) throws IOException {
    return Files.writeString(
        work.resolve("inventory.yaml"), "- url: https://github.com/acme/payments-api.git\n");
  }

  /** The worker's sample batch with its repositories in a local folder that does not exist. */
  private static Path workerEvent(Path work) throws IOException {
    String fleet = work.resolve("no-fleet").toUri().toString();
    String event =
        Files.readString(Path.of("events/worker/sqs-batch.json"))
            .replace("https://github.com/acme/", fleet);
    return Files.writeString(work.resolve("sqs-batch.json"), event);
  }

  /** One fresh JVM; an empty result when the probe failed (a function without SnapStart hooks). */
  private static long[] run(Probe probe, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.crac.Core.Compat=" + ColdStartProbe.class.getPackageName() + ".crac",
                "-cp",
                probe.classes(),
                ColdStartProbe.class.getName(),
                probe.handler(),
                probe.event(),
                probe.mode())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes()).strip();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(probe.name() + " probe timed out");
    }
    if (process.exitValue() != 0) {
      if (probe.mode().equals("snapstart")) {
        return new long[0];
      }
      throw new IllegalStateException(probe.name() + " probe failed: " + out);
    }
    String[] lines = out.split("\n");
    return Arrays.stream(lines[lines.length - 1].strip().split(" "))
        .mapToLong(Long::parseLong)
        .toArray();
  }
}
