package dev.fleetcheck.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@code moto_server} per test JVM on a free loopback port, the first time a test class
 * asks for it, and stops it (with every child process) when the JVM's tests end. Test classes get
 * its {@link AwsSettings} as a parameter. Without {@code moto_server} on the PATH the tests skip
 * with a message, except under {@code CI=true}, where a missing emulator is a failure.
 */
public final class MotoServer implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final String PROGRAM = "moto_server";
  private static final String MISSING =
      PROGRAM + " is not on the PATH: the moto integration tests need it";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoServer.class);

  /**
   * Without the program, every test is skipped with the reason; under CI=true they run and fail.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (onPath(PROGRAM).isPresent() || ci()) {
      return ConditionEvaluationResult.enabled(PROGRAM + " is on the PATH");
    }
    return ConditionEvaluationResult.disabled(MISSING + "; skipped (install moto[server])");
  }

  private static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsSettings.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).settings();
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
  }

  private static Running start() {
    Optional<Path> program = onPath(PROGRAM);
    if (program.isEmpty()) {
      throw new IllegalStateException(MISSING + " (CI=true: a missing emulator fails the build)");
    }
    try {
      int port = freePort();
      Process process =
          new ProcessBuilder(
                  program.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Running running = new Running(process, URI.create("http://127.0.0.1:" + port));
      running.awaitReady();
      return running;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + PROGRAM, e);
    }
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The server process; closing the root store at the end of the JVM's tests stops it. */
  record Running(Process process, URI endpoint) implements AutoCloseable {

    AwsSettings settings() {
      return AwsSettings.local(endpoint);
    }

    void awaitReady() {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(PROGRAM + " exited with " + process.exitValue());
        }
        if (answers()) {
          return;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      close();
      throw new IllegalStateException(PROGRAM + " did not answer within " + START_TIMEOUT);
    }

    private boolean answers() {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        int status = connection.getResponseCode();
        connection.disconnect();
        return status == 200;
      } catch (IOException e) {
        return false;
      }
    }

    /** Stops the shim's children first (the Python server), then the process itself. */
    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
