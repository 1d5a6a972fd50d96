package dev.fleetcheck.core.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
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
 * core/target/html-report.png (beside the page, html-report.html) for a person to look at, and the
 * same for a generated sweep of ten thousand repositories (html-report-10k.png). Skipped where
 * Chromium is not installed.
 */
@Tag("e2e")
class FleetHtmlReportScreenshotTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOT = Path.of("target", "html-report.png");
  private static final Path PAGE = Path.of("target", "html-report.html");
  private static final Path LARGE_SCREENSHOT = Path.of("target", "html-report-10k.png");
  private static final Path LARGE_PAGE = Path.of("target", "html-report-10k.html");

  @TempDir Path work;

  @Test
  void chromiumRendersTheReportIntoANonTrivialScreenshot() throws Exception {
    assumeChromium();
    FleetReportData data =
        FixtureFleet.twoSweeps(work.resolve("fleet")).assembler().assemble(Optional.empty());

    BufferedImage image = screenshot(new FleetHtmlReport().render(data), PAGE, SCREENSHOT);

    assertThat(distinctColours(image)).isGreaterThan(50);
  }

  /**
   * The page of a generated sweep of ten thousand repositories opens and paints: before the page
   * was bounded it weighed about 100 MB and Chromium did not finish. (How long it takes is for make
   * bench, FLEETCHECK_BENCH=html.)
   */
  @Test
  void chromiumOpensThePageOfTenThousandRepositories() throws Exception {
    assumeChromium();
    String page = new FleetHtmlReport().render(GeneratedFleet.of(10_000));

    BufferedImage image = screenshot(page, LARGE_PAGE, LARGE_SCREENSHOT);

    assertThat(distinctColours(image)).isGreaterThan(50);
  }

  private static void assumeChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium is not installed at /usr/bin/chromium (apt-get install chromium);"
            + " the screenshot test is skipped");
  }

  /** Writes the page under target/, has Chromium screenshot it, and reads the image back. */
  private BufferedImage screenshot(String html, Path pageFile, Path screenshotFile)
      throws Exception {
    Path screenshot = screenshotFile.toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Path page = pageFile.toAbsolutePath();
    Files.writeString(page, html, StandardCharsets.UTF_8);
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
                    "--user-data-dir=" + Files.createTempDirectory(work, "profile-"),
                    "--screenshot=" + screenshot,
                    "--window-size=1280,2000",
                    page.toUri().toString()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("chromium.log").toFile())
            .start();
    boolean exited;
    try {
      exited = chromium.waitFor(120, TimeUnit.SECONDS);
    } finally {
      chromium.destroyForcibly();
      chromium.waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(exited).as("Chromium finished within two minutes").isTrue();
    assertThat(screenshot).as(log()).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    return image;
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
