package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code make bench}'s cold-start proxy: each function in a fresh JVM, from JVM start to the end of
 * its first invocation on its sample event (embedded ports, so no server), against a trivial
 * handler in the same run. The worker's repository URLs point nowhere local, so its figure is init
 * plus a batch whose clones fail at once (FLEETCHECK_FLEET_DIR is empty; no network): the scan
 * itself is {@code make bench}'s throughput figures' business.
 */
public final class ColdStart {

  private static final int RUNS = 3;
  private static final Map<String, String> EVENTS =
      Map.of(
          "sweep", "events/sweep/schedule.json",
          "worker", "events/worker/sqs-batch.json",
          "api", "events/api/get-scan.json");

  /** The baseline: the smallest handler there is. */
  public static final class Minimal implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "ok";
    }
  }

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2) {
      probe(args[0], args[1]);
      return;
    }
    System.out.println(
        "Lambda functions: artifact size and cold-start proxy (median of " + RUNS + ")");
    long baseline = median("minimal", "events/sweep/schedule.json");
    System.out.printf(
        "  %-8s %10s  %6d ms  (baseline: trivial RequestHandler)%n", "minimal", "-", baseline);
    for (String function : List.of("sweep", "worker", "api")) {
      Path jar =
          Path.of(
              "functions", function, "target", "fleetcheck-fn-" + function + "-0.1.0-lambda.jar");
      String size = Files.exists(jar) ? (Files.size(jar) / 1024 / 1024) + " MB" : "not built";
      long ms = median(function, EVENTS.get(function));
      System.out.printf(
          "  %-8s %10s  %6d ms  (%+d ms over the baseline)%n", function, size, ms, ms - baseline);
    }
  }

  private static long median(String function, String event) throws Exception {
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Path data = Files.createTempDirectory("fleetcheck-coldstart");
      Path inventory = data.resolve("inventory.yaml");
      Files.writeString(inventory, "- url: https://github.com/acme/payments-api.git\n");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+TieredCompilation",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ColdStart.class.getName(),
                  function,
                  event)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("FLEETCHECK_DATA_DIR", data.resolve("data").toString());
      builder.environment().put("FLEETCHECK_INVENTORY", inventory.toString());
      builder.environment().put("FLEETCHECK_FLEET_DIR", data.resolve("no-fleet").toString());
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes()).strip();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(function + " probe failed: " + out);
      }
      String[] lines = out.split("\n");
      runs.add(Long.parseLong(lines[lines.length - 1].strip()));
    }
    runs.sort(Long::compare);
    return runs.get(RUNS / 2);
  }

  /** In the fresh JVM: one invocation, then the milliseconds since the JVM started. */
  private static void probe(String function, String event) throws Exception {
    java.io.PrintStream stdout = System.out;
    if (function.equals("minimal")) {
      new Minimal().handleRequest(Map.of(), null);
    } else {
      System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      LocalInvoke.main(new String[] {function, event});
    }
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    stdout.println(ms);
  }
}
