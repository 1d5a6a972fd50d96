package dev.fleetcheck.cli;

import dev.fleetcheck.core.report.SourceUris;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What {@code scan} was pointed at: a local folder or a git URL to clone. */
public sealed interface ScanTarget {

  List<String> URL_SCHEMES = List.of("https://", "http://", "git://", "ssh://", "file://");
  Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.+");

  /** A name for reports: the folder name, or the URL's last path segment without ".git". */
  String name();

  /** Where it came from, safe to log and to put in a report (no credentials). */
  String displaySource();

  record LocalPath(Path path) implements ScanTarget {
    @Override
    public String name() {
      Path fileName = path.toAbsolutePath().normalize().getFileName();
      return fileName == null ? "repository" : fileName.toString();
    }

    @Override
    public String displaySource() {
      return path.toAbsolutePath().normalize().toString();
    }
  }

  record GitUrl(String url) implements ScanTarget {
    @Override
    public String name() {
      String redacted = SourceUris.redact(url);
      String trimmed = redacted.replaceAll("/+$", "");
      String last =
          trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
      String name = last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
      return name.isBlank() ? "repository" : name;
    }

    @Override
    public String displaySource() {
      return SourceUris.redact(url);
    }
  }

  /**
   * {@code https://}, {@code http://}, {@code git://}, {@code ssh://}, {@code file://} and {@code
   * user@host:path} are URLs; anything else is a local path.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  static ScanTarget parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (URL_SCHEMES.stream().anyMatch(lower::startsWith) || SCP_LIKE.matcher(text).matches()) {
      return new GitUrl(text);
    }
    try {
      return new LocalPath(Path.of(text));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a path or a git URL: " + e.getReason(), e);
    }
  }
}
