package dev.fleetcheck.functions.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a developer runs: {@code make up} (infra/local-aws.sh, moto_server on a free port with the
 * resources of template.yaml), then {@code make sweep-local-aws}'s program in a JVM of its own,
 * which reads the variables {@code make up} wrote, sweeps the fleet and prints the fleet table on
 * stdout; then {@code make down}.
 */
@Tag("integration")
class MakeUpLocalAwsSweepTest {

  private static final long UP_SECONDS = 120;
  private static final long SWEEP_SECONDS = 300;

  @TempDir Path dir;

  @Test
  void aWholeSweepAgainstTheMakeUpEndpointPrintsTheFleetTableOnStdout() throws Exception {
    requireMotoServer();
    Path root = repositoryRoot();
    TestFleet fleet = new TestFleet(dir);
    fleet.repository("billing");
    fleet.repository("web");
    fleet.emptyRepository("never-committed");
    Path inventory = fleet.inventory(List.of("billing", "web", "never-committed"));
    Path state = Files.createDirectories(dir.resolve("state"));
    Map<String, String> localAws =
        Map.of(
            "FLEETCHECK_LOCAL_AWS", "moto",
            "FLEETCHECK_LOCAL_AWS_PORT", Integer.toString(freePort()),
            "FLEETCHECK_LOCAL_AWS_DIR", state.toString());
    try {
      Run up = run(root, List.of("bash", "infra/local-aws.sh", "up"), localAws, UP_SECONDS);
      assertThat(up.exitCode()).as(up.stderr()).isZero();

      Run sweep =
          run(
              dir,
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LocalAwsSweep.class.getName()),
              Map.of(
                  "FLEETCHECK_LOCAL_AWS_ENV", state.resolve("local-aws.env").toString(),
                  "FLEETCHECK_INVENTORY", inventory.toString()),
              SWEEP_SECONDS);

      // A repository without a result exits 1, as `fleetcheck sweep` does.
      assertThat(sweep.exitCode()).as(sweep.stderr()).isEqualTo(1);
      assertThat(sweep.stdout())
          .contains("REPOSITORY")
          .contains("billing")
          .contains("web")
          .contains("never-committed")
          .contains("clone_failed")
          .doesNotContain("\"event\"");
      assertThat(sweep.stderr()).contains("\"event\":\"sweep.started\"");
    } finally {
      Run down = run(root, List.of("bash", "infra/local-aws.sh", "down"), localAws, UP_SECONDS);
      assertThat(down.exitCode()).as(down.stderr()).isZero();
    }
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run run(Path workDir, List<String> command, Map<String, String> env, long seconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError(command + " did not end within " + seconds + " s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static void requireMotoServer() {
    boolean onPath = false;
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      onPath |= Files.isExecutable(Path.of(folder, "moto_server"));
    }
    if (!onPath && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("moto_server is not on the PATH; skipped (install moto[server])");
    }
  }

  private static Path repositoryRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("infra/local-aws.sh"))) {
        return d;
      }
    }
    throw new IllegalStateException("no infra/local-aws.sh above the working directory");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
