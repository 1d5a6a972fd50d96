package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fleetcheck}, the launcher the README's commands use, started as a process on a jar
 * that points at this test JVM's class path: whatever state its class-data archive is in, stdout
 * holds the report alone and the exit code is the CLI's own.
 */
@Tag("e2e")
class LauncherE2ETest {

  private static final Path LAUNCHER = Path.of("..", "bin", "fleetcheck").toAbsolutePath();

  @TempDir Path temp;
  private Path jar;
  private Path repo;

  @BeforeEach
  void fixture() throws IOException {
    jar = pathingJar(temp.resolve("dist").resolve("fleetcheck.jar"));
    repo = FixtureRepo.in(temp.resolve("shop")).python().file("app.py", "x = 1\n").git().build();
  }

  @Test
  void anUnusableArchiveIsIgnoredWithoutAWordOnStdout() throws Exception {
    Files.writeString(jar.resolveSibling("fleetcheck.jsa"), "not a class-data archive");

    Finished run = launch(Map.of(), "scan", repo.toString(), "--format", "json");

    assertThat(run.exit()).isIn(ExitCodes.OK, ExitCodes.NON_COMPLIANT);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("repository").path("name").asText()).isEqualTo("shop");
    assertThat(run.err()).doesNotContain("cds").doesNotContain("shared archive");
  }

  @Test
  void aMissingArchiveChangesNothing() throws Exception {
    Finished run = launch(Map.of(), "scan", repo.toString(), "--format", "json");

    assertThat(run.exit()).isIn(ExitCodes.OK, ExitCodes.NON_COMPLIANT);
    assertThat(new ObjectMapper().readTree(run.out()).isObject()).isTrue();
    assertThat(run.err()).doesNotContain("cds");
  }

  @Test
  void aLocalScanNamesItsCommitWithoutStartingGit() throws Exception {
    // A git first on the PATH that leaves a mark: JGit starts `git` to find the system
    // configuration unless told there is none, two processes a cold scan does not need.
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path marker = temp.resolve("git-was-started");
    Path git = bin.resolve("git");
    Files.writeString(git, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
    git.toFile().setExecutable(true);
    String path = bin + File.pathSeparator + System.getenv("PATH");

    Finished run = launch(Map.of("PATH", path), "scan", repo.toString(), "--format", "json");

    assertThat(run.exit()).isIn(ExitCodes.OK, ExitCodes.NON_COMPLIANT);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("repository").path("commit").asText())
        .isEqualTo(FleetFixtures.head(repo));
    assertThat(marker).doesNotExist();
  }

  @Test
  void theCliExitCodePassesThrough() throws Exception {
    Finished run = launch(Map.of(), "scan", temp.resolve("nowhere").toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("invalid_argument");
  }

  @Test
  void extraJvmOptionsComeFromTheEnvironment() throws Exception {
    Finished run =
        launch(Map.of("FLEETCHECK_JAVA_OPTS", "-Dfile.encoding=UTF-8 -Xmx256m"), "--version");

    assertThat(run.exit()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("fleetcheck ");
  }

  @Test
  void theJvmsOwnWarningsNeverReachStdout() throws Exception {
    // A heap smaller than the launcher's nursery makes the JVM adjust both and say so.
    Finished small = launch(Map.of("FLEETCHECK_JAVA_OPTS", "-Xmx24m"), "--version");
    // A deprecated option makes it warn on every start.
    Finished deprecated =
        launch(Map.of("FLEETCHECK_JAVA_OPTS", "-XX:+UseBiasedLocking"), "--version");

    assertThat(small.exit()).isEqualTo(ExitCodes.OK);
    assertThat(small.out()).startsWith("fleetcheck ").doesNotContain("warning");
    assertThat(small.err()).doesNotContain("NewSize");
    assertThat(deprecated.out()).startsWith("fleetcheck ").doesNotContain("warning");
    assertThat(deprecated.err()).contains("UseBiasedLocking");
  }

  @Test
  void aMissingJarIsExplained() throws Exception {
    Files.delete(jar);

    Finished run = launch(Map.of(), "--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("make build");
  }

  private record Finished(int exit, String out, String err) {}

  private Finished launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(key -> key.startsWith("FLEETCHECK_"));
    builder.environment().put("FLEETCHECK_JAR", jar.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("bin/fleetcheck did not end within 5 min");
    }
    return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A jar holding only a manifest: the CLI's main class, on this test JVM's class path. */
  private static Path pathingJar(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
      }
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    try (OutputStream stream = Files.newOutputStream(file)) {
      // The manifest is the whole jar.
      new JarOutputStream(stream, manifest).close();
    }
    return file;
  }
}
