package dev.fleetcheck.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Lambda handler carries core, so core's resolved runtime classpath (written by the
 * dependency plugin before the tests run) must hold no git client, no YAML or TOML parser, no
 * SQLite driver and no AWS SDK: those belong to the scan module and the adapters.
 */
class DomainClasspathTest {

  /** Path fragments of the artifacts' folders in a Maven repository. */
  private static final List<String> FORBIDDEN_ARTIFACTS =
      List.of(
          "/org/eclipse/jgit/",
          "/com/fasterxml/jackson/dataformat/jackson-dataformat-yaml/",
          "/com/fasterxml/jackson/dataformat/jackson-dataformat-toml/",
          "/org/yaml/snakeyaml/",
          "/org/xerial/sqlite-jdbc/",
          "/software/amazon/awssdk/",
          "/com/amazonaws/");

  private static final Path CLASSPATH_FILE = Path.of("target", "runtime-classpath.txt");

  @Test
  void runtimeClasspathHoldsNoGitYamlTomlSqliteOrAws() throws IOException {
    assertThat(CLASSPATH_FILE)
        .as("written by maven-dependency-plugin:build-classpath in generate-test-resources")
        .exists();
    List<String> entries = entries(Files.readString(CLASSPATH_FILE));
    assertThat(entries).as("core resolves at least jackson-databind").isNotEmpty();
    assertThat(forbidden(entries)).isEmpty();
  }

  @Test
  void theCheckRecognisesEachForbiddenArtifact() {
    String repo = File.separator + "m2" + File.separator + "repository";
    List<String> planted =
        List.of(
            repo + "/org/eclipse/jgit/org.eclipse.jgit/7.0/org.eclipse.jgit-7.0.jar",
            repo
                + "/com/fasterxml/jackson/dataformat/jackson-dataformat-yaml/2.0/"
                + "jackson-dataformat-yaml-2.0.jar",
            repo
                + "/com/fasterxml/jackson/dataformat/jackson-dataformat-toml/2.0/"
                + "jackson-dataformat-toml-2.0.jar",
            repo + "/org/xerial/sqlite-jdbc/3.0/sqlite-jdbc-3.0.jar",
            repo + "/software/amazon/awssdk/s3/2.0/s3-2.0.jar",
            repo + "/com/fasterxml/jackson/core/jackson-databind/2.0/jackson-databind-2.0.jar");
    assertThat(forbidden(planted)).hasSize(5);
  }

  @Test
  void noGitClientParserSqliteDriverAwsSdkOrScanEngineIsLoadable() {
    for (String name :
        List.of(
            "org.eclipse.jgit.api.Git",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
            "com.fasterxml.jackson.dataformat.toml.TomlFactory",
            "org.yaml.snakeyaml.Yaml",
            "org.sqlite.JDBC",
            "software.amazon.awssdk.core.SdkClient",
            "dev.fleetcheck.core.engine.ScanEngine",
            "dev.fleetcheck.core.snapshot.RepoSnapshot")) {
      assertThat(loadable(name)).as(name).isFalse();
    }
  }

  private static List<String> entries(String classpath) {
    return Arrays.stream(classpath.trim().split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .toList();
  }

  private static List<String> forbidden(List<String> entries) {
    return entries.stream()
        .filter(
            entry ->
                FORBIDDEN_ARTIFACTS.stream()
                    .anyMatch(f -> entry.replace(File.separatorChar, '/').contains(f)))
        .toList();
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, DomainClasspathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
