package dev.fleetcheck.core.report.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a repository lives, as a report may show it: a URL keeps only scheme, host, port and path
 * (credentials, query and fragment are dropped, as an inventory URL may carry a token), an scp-like
 * "user@host:path" loses its user, and a local path stays as it is.
 */
final class RepositorySource {

  private static final Set<String> WEB = Set.of("http", "https", "file");

  private RepositorySource() {}

  static String safe(String source) {
    if (source == null || source.isBlank()) {
      return "";
    }
    String trimmed = source.trim();
    if (!trimmed.contains("://") && !trimmed.startsWith("file:")) {
      int at = trimmed.indexOf('@');
      int colon = trimmed.indexOf(':');
      return at >= 0 && colon > at ? trimmed.substring(at + 1) : trimmed;
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null) {
        return "";
      }
      return new URI(
              uri.getScheme().toLowerCase(Locale.ROOT),
              null,
              uri.getHost(),
              uri.getPort(),
              uri.getPath(),
              null,
              null)
          .toASCIIString();
    } catch (URISyntaxException e) {
      return "";
    }
  }

  /**
   * The source as an absolute http(s) or file URI ending in '/', fit to be a SARIF base URI; empty
   * for anything else (an ssh remote, a bare path).
   */
  static Optional<String> baseUri(String safeSource) {
    try {
      URI uri = new URI(safeSource);
      if (uri.getScheme() == null
          || !WEB.contains(uri.getScheme())
          || uri.getPath() == null
          || uri.getPath().isEmpty()) {
        return Optional.empty();
      }
      String text = uri.toASCIIString();
      return Optional.of(text.endsWith("/") ? text : text + "/");
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
