package dev.fleetcheck.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCodeDigestTest {

  private static final String RULE_CLASS =
      "dev/fleetcheck/core/rules/gates/" + firstGateClass() + ".class";

  private static String firstGateClass() {
    return dev.fleetcheck.core.rules.gates.GateRules.all().get(0).getClass().getSimpleName();
  }

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
    added.put("dev/fleetcheck/core/rules/gates/Extra.class", new byte[] {1, 2, 3});
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
  void theDomainModulesCatalogueAndScoringCountFromAJarAsFromAFolder(@TempDir Path dir)
      throws Exception {
    List<Path> locations = PackCodeDigest.codeLocations();
    Path domainClasses = locations.get(1);
    Path jar = dir.resolve("core.jar");
    try (java.util.jar.JarOutputStream out =
            new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
        java.util.stream.Stream<Path> files = java.nio.file.Files.walk(domainClasses)) {
      for (Path file : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(
            new java.util.jar.JarEntry(
                domainClasses.relativize(file).toString().replace('\\', '/')));
        out.write(java.nio.file.Files.readAllBytes(file));
        out.closeEntry();
      }
    }

    assertThat(PackCodeDigest.of(PackCodeDigest.read(List.of(locations.get(0), jar))))
        .isEqualTo(PackCodeDigest.of(PackCodeDigest.read(locations)));
  }

  @Test
  void theBuildStoresTheDigestOfTheClassesItBuilt() {
    assertThat(PackCodeDigest.current())
        .isEqualTo(PackCodeDigest.of(PackCodeDigest.read(PackCodeDigest.codeLocations())));
  }

  @Test
  void thePackIdentityFollowsTheCodeDigestWithTheSameRules() {
    List<Rule> rules = RulePack.standardRules();
    RulePack built = new RulePack(Catalogue.standard(), rules, PackCodeDigest.current());
    RulePack rebuilt = new RulePack(Catalogue.standard(), rules, PackCodeDigest.current());
    RulePack fixed = new RulePack(Catalogue.standard(), rules, "0".repeat(64));

    assertThat(rebuilt.digest()).isEqualTo(built.digest());
    assertThat(fixed.digest()).isNotEqualTo(built.digest());
    assertThat(RulePack.standard().digest()).isEqualTo(built.digest());
  }
}
