package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCodeDigestTest {

  private static final String RULE_CLASS = "dev/fleetcheck/core/rules/qg/CiRunsLinter.class";

  @Test
  void changingOneByteOfARuleClassChangesTheDigest() {
    SortedMap<String, byte[]> built = PackCodeDigest.read(PackCodeDigest.codeLocations());
    assertThat(built).containsKey(RULE_CLASS);
    SortedMap<String, byte[]> changed = new TreeMap<>(built);
    byte[] bytes = built.get(RULE_CLASS).clone();
    bytes[bytes.length - 1] ^= 1;
    changed.put(RULE_CLASS, bytes);

    assertThat(PackCodeDigest.of(changed)).isNotEqualTo(PackCodeDigest.of(built));
  }

  @Test
  void anAddedOrRenamedClassChangesTheDigest() {
    SortedMap<String, byte[]> built = PackCodeDigest.read(PackCodeDigest.codeLocations());
    SortedMap<String, byte[]> added = new TreeMap<>(built);
    added.put("dev/fleetcheck/core/rules/qg/Extra.class", new byte[] {1, 2, 3});
    SortedMap<String, byte[]> renamed = new TreeMap<>(built);
    renamed.put(RULE_CLASS.replace(".class", "2.class"), renamed.remove(RULE_CLASS));

    assertThat(PackCodeDigest.of(added)).isNotEqualTo(PackCodeDigest.of(built));
    assertThat(PackCodeDigest.of(renamed)).isNotEqualTo(PackCodeDigest.of(built));
  }

  @Test
  void theDigestCoversRulesFactsDetectorsTokenizerSnapshotEngineAndTheCatalogueData() {
    SortedMap<String, byte[]> built = PackCodeDigest.read(PackCodeDigest.codeLocations());

    assertThat(built.keySet())
        .contains(
            RULE_CLASS,
            "dev/fleetcheck/core/facts/Facts.class",
            "dev/fleetcheck/core/secrets/GitHubTokenDetector.class",
            "dev/fleetcheck/core/python/PythonTokenizer.class",
            "dev/fleetcheck/core/snapshot/RepoSnapshot.class",
            "dev/fleetcheck/core/engine/ScanEngine.class",
            "dev/fleetcheck/core/engine/Scoring.class",
            "dev/fleetcheck/core/waiver/WaiverRecords.class",
            "dev/fleetcheck/core/catalogue/Catalogue.class",
            "dev/fleetcheck/core/catalogue/standard-rules.tsv")
        .noneMatch(path -> path.startsWith("dev/fleetcheck/core/fleet/"))
        .doesNotContain(PackCodeDigest.RESOURCE);
  }

  @Test
  void theDigestCoversEveryRegisteredRuleClassInItsFamilyPackage() {
    SortedMap<String, byte[]> built = PackCodeDigest.read(PackCodeDigest.codeLocations());

    for (Rule rule : StandardRules.all()) {
      assertThat(built).containsKey(rule.getClass().getName().replace('.', '/') + ".class");
    }
    assertThat(built.keySet())
        .contains(
            "dev/fleetcheck/core/rules/detect/ModuleCheck.class",
            "dev/fleetcheck/core/rules/sec/HardCodedSecrets.class");
  }

  @Test
  void theDomainModulesCatalogueAndScoringCountFromAJarAsFromAFolder(@TempDir Path dir)
      throws Exception {
    List<Path> locations = PackCodeDigest.codeLocations();
    Path domain = locations.get(1);
    // `mvn test` puts core's classes folder on the classpath, `mvn package` its jar: turn whichever
    // form the build gave into the other and expect the same digest.
    Path other = Files.isDirectory(domain) ? jarOf(domain, dir) : folderOf(domain, dir);

    assertThat(PackCodeDigest.of(PackCodeDigest.read(List.of(locations.get(0), other))))
        .isEqualTo(PackCodeDigest.of(PackCodeDigest.read(locations)));
  }

  private static Path jarOf(Path classes, Path dir) throws IOException {
    Path jar = dir.resolve("core.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Path folderOf(Path jar, Path dir) throws IOException {
    Path classes = dir.resolve("core-classes");
    try (JarFile in = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(in.entries())) {
        Path target = classes.resolve(entry.getName()).normalize();
        if (entry.isDirectory() || !target.startsWith(classes)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream bytes = in.getInputStream(entry)) {
          Files.copy(bytes, target);
        }
      }
    }
    return classes;
  }

  @Test
  void theBuildStoresTheDigestOfTheClassesItBuilt() {
    assertThat(PackCodeDigest.current())
        .isEqualTo(PackCodeDigest.of(PackCodeDigest.read(PackCodeDigest.codeLocations())));
  }

  @Test
  void thePackIdentityFollowsTheCodeDigestWithTheSameRules() {
    List<Rule> rules = StandardRules.all();
    RulePack built = new RulePack(Catalogue.standard(), rules, PackCodeDigest.current());
    RulePack rebuilt = new RulePack(Catalogue.standard(), rules, PackCodeDigest.current());
    RulePack fixed = new RulePack(Catalogue.standard(), rules, "0".repeat(64));

    assertThat(rebuilt.digest()).isEqualTo(built.digest());
    assertThat(fixed.digest()).isNotEqualTo(built.digest());
    assertThat(RulePack.standard().digest()).isEqualTo(built.digest());
  }
}
