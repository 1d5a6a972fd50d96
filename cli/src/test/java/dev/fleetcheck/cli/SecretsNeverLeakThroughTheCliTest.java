package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import dev.fleetcheck.core.testing.QuotedSecrets;
import dev.fleetcheck.core.testing.SecretCorpus;
import dev.fleetcheck.core.testing.SecretCorpus.Sample;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository full of planted secrets goes through every path a user has: scan in every format
 * with verbose JSON and text logs, a sweep with its stored records and reports, and every fleet
 * export. Besides one or two files per detector, the repository quotes secrets where rules copy
 * repository text into evidence ({@link QuotedSecrets}: CI commands, Makefile recipes, scripts,
 * environment assignments, compose environment blocks, URLs, a waiver's rationale). No eight
 * characters in a row of any planted value may appear in stdout, stderr, an exported file, the
 * SQLite file or a stored report.
 */
@Tag("e2e")
class SecretsNeverLeakThroughTheCliTest {

  private static final int WINDOW = 8;
  private static final int PER_KIND = 2;

  @TempDir Path dir;

  @Test
  void noPlantedValueReachesOutputsLogsStoresOrExports() throws IOException {
    List<Sample> planted = new ArrayList<>();
    Path repo = plantedRepository(dir.resolve("repos/leaky"), planted);
    assertThat(planted).hasSizeGreaterThan(10);
    StringBuilder everything = new StringBuilder();

    for (String format : List.of("text", "json", "sarif", "csv", "markdown")) {
      for (String logFormat : List.of("json", "text")) {
        CliRun.Result scan =
            CliRun.with()
                .run(
                    "scan",
                    repo.toString(),
                    "--format",
                    format,
                    "--log-format",
                    logFormat,
                    "--verbose");
        assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.NON_COMPLIANT);
        assertThat(scan.out()).contains("PY-SEC-041");
        if (format.equals("json")) {
          assertThat(scan.out())
              .as("the quoted commands are there, redacted")
              .contains("[redacted ");
        }
        everything.append(scan.out()).append(scan.err());
      }
    }

    Path inventory =
        FleetFixtures.inventory(dir.resolve("fleet.yaml"), List.of(repo), FleetFixtures::fileUrl);
    CliRun sweepCli =
        CliRun.with()
            .fetchers(GitFetchers.jgit(Map.of()))
            .clock(new SteppingClock(FixtureRepo.NOW))
            .workingDirectory(dir);
    CliRun.Result sweep =
        sweepCli.run(
            "sweep",
            "--inventory",
            inventory.toString(),
            "--data-dir",
            "data",
            "--log-format",
            "json",
            "--verbose",
            "--fail-on",
            "never");
    assertThat(sweep.exit()).as(sweep.err()).isEqualTo(ExitCodes.OK);
    everything.append(sweep.out()).append(sweep.err());
    for (String format : List.of("html", "csv", "json", "sarif")) {
      CliRun.Result export =
          sweepCli.run("report", "--data-dir", "data", "--format", format, "--output", "-");
      assertThat(export.exit()).as(export.err()).isEqualTo(ExitCodes.OK);
      everything.append(export.out()).append(export.err());
    }
    String stored = storedText(dir.resolve("data"));
    assertThat(stored)
        .as("the store holds the secret findings and the redacted commands")
        .contains("PY-SEC-041", "…#", "[redacted github_token ");
    everything.append(stored);

    List<String> leaks = new ArrayList<>();
    for (Sample sample : planted) {
      for (int i = 0; i + WINDOW <= sample.planted().length(); i++) {
        String window = sample.planted().substring(i, i + WINDOW);
        if (everything.indexOf(window) >= 0) {
          leaks.add(sample + " leaks " + window.substring(0, 2) + "...");
          break;
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static Path plantedRepository(Path root, List<Sample> planted) {
    FixtureRepo repo = FixtureRepo.in(root).python();
    Map<String, Integer> perKind = new LinkedHashMap<>();
    for (Sample sample : SecretCorpus.generate()) {
      if (sample.isSecret() && perKind.merge(sample.expectedKind(), 1, Integer::sum) <= PER_KIND) {
        repo.file(sample.path(), sample.content());
        planted.add(sample);
      }
    }
    for (Sample sample : QuotedSecrets.generate()) {
      repo.file(sample.path(), sample.content());
      planted.add(sample);
    }
    return repo.git().build();
  }

  /** The SQLite file and every stored report, gzipped or not, as text. */
  private static String storedText(Path dataDir) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
          bytes = gunzip(bytes);
        }
        text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return text.toString();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
