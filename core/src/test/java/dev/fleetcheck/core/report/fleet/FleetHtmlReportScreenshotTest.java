package dev.fleetcheck.core.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fleet report in headless Chromium, offline, and keeps the screenshot as
 * core/target/html-report.png (beside the page, html-report.html) for a person to look at. Skipped
 * where Chromium is not installed.
 */
@Tag("e2e")
class FleetHtmlReportScreenshotTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOT = Path.of("target", "html-report.png");
  private static final Path PAGE = Path.of("target", "html-report.html");

  @TempDir Path work;

  @Test
  void chromiumRendersTheReportIntoANonTrivialScreenshot() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium is not installed at /usr/bin/chromium (apt-get install chromium);"
            + " the screenshot test is skipped");
    FleetReportData data =
        FixtureFleet.twoSweeps(work.resolve("fleet")).assembler().assemble(Optional.empty());
    Path screenshot = SCREENSHOT.toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Path page = PAGE.toAbsolutePath();
    Files.writeString(page, new FleetHtmlReport().render(data), StandardCharsets.UTF_8);
    Files.deleteIfExists(screenshot);

    Process chromium =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--user-data-dir=" + Files.createDirectory(work.resolve("profile")),
                    "--screenshot=" + screenshot,
                    "--window-size=1280,2000",
                    page.toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("chromium.log").toFile())
            .start();
    boolean exited = chromium.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      chromium.destroyForcibly();
    }

    assertThat(exited).as("Chromium finished within two minutes").isTrue();
    assertThat(screenshot).as(log()).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(distinctColours(image)).isGreaterThan(50);
  }

  private String log() {
    try {
      return Files.readString(work.resolve("chromium.log"));
    } catch (IOException e) {
      return "no Chromium log";
    }
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
