package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench} prints a sweep's throughput in its own JVM, so that JVM must collect garbage
 * the way {@code bin/fleetcheck} starts {@code sweep} and {@code demo}: a collector changed in one
 * place only would make the figures describe a process nobody runs.
 */
class SweepJvmSettingsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBenchRunsWithTheSweepsCollectorSettings() throws IOException {
    String launcher = Files.readString(ROOT.resolve("bin").resolve("fleetcheck"));
    String makefile = Files.readString(ROOT.resolve("Makefile"));

    String sweep = firstGroup("(?m)^\\s*sweep \\| demo\\) options\\+=\\(([^)]*)\\) ;;", launcher);
    String bench = firstGroup("(?m)^SWEEP_GC_OPTS := (.+)$", makefile);

    assertThat(sweep).contains("-XX:+UseSerialGC");
    assertThat(bench.trim()).isEqualTo(sweep.trim());
    assertThat(makefile).contains("java -Xmx4g $(SWEEP_GC_OPTS) ");
  }

  private static String firstGroup(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in %s", regex, text.substring(0, 60)).isTrue();
    return m.group(1);
  }
}
