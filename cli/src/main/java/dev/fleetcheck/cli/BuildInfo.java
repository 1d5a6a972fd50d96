package dev.fleetcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The version and commit this build was made from, read from {@code build-info.properties} that
 * Maven fills in at build time. A build outside git has no commit: it says "unknown".
 */
public record BuildInfo(String version, String commit) {

  public static final String UNKNOWN = "unknown";
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final String RESOURCE = "build-info.properties";

  public static BuildInfo current() {
    return Holder.CURRENT;
  }

  static BuildInfo from(Properties properties) {
    String version = properties.getProperty("version", "");
    String commit = properties.getProperty("commit", "");
    return new BuildInfo(
        version.isBlank() || version.contains("${") ? "0.0.0-unknown" : version.strip(),
        SHA.matcher(commit.strip()).matches() ? commit.strip() : UNKNOWN);
  }

  /** "fleetcheck 0.1.0 (commit 1a2b...)". */
  public String describe() {
    return "fleetcheck " + version + " (commit " + commit + ")";
  }

  private static final class Holder {
    static final BuildInfo CURRENT = load();

    private static BuildInfo load() {
      Properties properties = new Properties();
      try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return from(properties);
    }
  }
}
