package dev.fleetcheck.infra;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the command-line tools the infra tests drive (cfn-lint, its Python, moto_server, the AWS
 * CLI). A missing tool skips the test with a message saying what to install, except under {@code
 * CI=true}, where the machine image must have it and its absence fails.
 */
final class Tools {

  /** What a finished command printed. */
  record Result(int exitCode, String stdout, String stderr) {}

  private Tools() {}

  static Path require(String command, String installHint) {
    Optional<Path> found = onPath(command);
    if (found.isPresent()) {
      return found.get();
    }
    String message = command + " is not on the PATH (" + installHint + ")";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI=true requires it");
    }
    Assumptions.abort(message + "; test skipped");
    throw new AssertionError("unreachable");
  }

  static Optional<Path> onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (!dir.isEmpty() && Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The Python interpreter cfn-lint runs on: samtranslator is installed beside cfn-lint (it is a
   * dependency), so that interpreter can import it. A pyenv shim is resolved to the real script.
   */
  static Path pythonOfCfnLint() throws IOException, InterruptedException {
    Path cfnLint = require("cfn-lint", "pip install cfn-lint");
    if (cfnLint.toString().contains("/shims/")) {
      Result real = run(List.of("pyenv", "which", "cfn-lint"), Map.of(), RepoRoot.path(), 60);
      if (real.exitCode() == 0) {
        cfnLint = Path.of(real.stdout().strip());
      }
    }
    String shebang = Files.readAllLines(cfnLint, StandardCharsets.UTF_8).get(0);
    if (shebang.startsWith("#!") && shebang.contains("python") && !shebang.contains(" ")) {
      return Path.of(shebang.substring(2).strip());
    }
    return require("python3", "install Python 3 with samtranslator");
  }

  static Result run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    builder.environment().putAll(env);
    Path out = Files.createTempFile("infra-tool", ".out");
    Path err = Files.createTempFile("infra-tool", ".err");
    try {
      Process process =
          builder
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
