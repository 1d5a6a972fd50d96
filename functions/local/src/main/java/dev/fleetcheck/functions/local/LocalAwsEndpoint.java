package dev.fleetcheck.functions.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local AWS endpoint for the bench: {@code infra/local-aws.sh} ({@code make up}'s script) with
 * moto_server on a free loopback port and a state folder of its own, the resources of template.yaml
 * created on it, and the variables that name them.
 */
final class LocalAwsEndpoint implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 120;

  private final Path state;
  private final int port;
  private final Map<String, String> variables;

  private LocalAwsEndpoint(Path state, int port, Map<String, String> variables) {
    this.state = state;
    this.port = port;
    this.variables = variables;
  }

  static LocalAwsEndpoint start() throws IOException, InterruptedException {
    Path state = Files.createTempDirectory("fleetcheck-coldstart-aws");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int exit = script("up", state, port);
    Path env = state.resolve("local-aws.env");
    if (exit != 0 || !Files.exists(env)) {
      script("down", state, port);
      throw new IOException(
          "infra/local-aws.sh up failed (exit " + exit + "): is moto_server on the PATH?");
    }
    Map<String, String> variables = new HashMap<>();
    for (String line : Files.readAllLines(env)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        variables.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return new LocalAwsEndpoint(state, port, Map.copyOf(variables));
  }

  /** The variables template.yaml would set, naming the resources on this endpoint. */
  Map<String, String> variables() {
    return variables;
  }

  @Override
  public void close() throws IOException {
    try {
      script("down", state, port);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int script(String action, Path state, int port)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "infra/local-aws.sh", action)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("FLEETCHECK_LOCAL_AWS", "moto");
    builder.environment().put("FLEETCHECK_LOCAL_AWS_PORT", String.valueOf(port));
    builder.environment().put("FLEETCHECK_LOCAL_AWS_DIR", state.toString());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
