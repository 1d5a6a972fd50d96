package dev.fleetcheck.core.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a repository source (a URL, an scp-like {@code git@host:org/repo} or a local path) safe to
 * show: user info, query and fragment are dropped, because a clone URL may carry a token.
 */
public final class SourceUris {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]+):(.+)$");

  private SourceUris() {}

  /** The source with any credentials, query and fragment removed; paths come back unchanged. */
  public static String redact(String source) {
    if (SCHEME.matcher(source).find()) {
      return parse(source).map(SourceUris::withoutSecrets).orElse(redactUnparseable(source));
    }
    Matcher scp = SCP_LIKE.matcher(source);
    if (scp.matches() && !looksLikeWindowsDrive(source)) {
      return scp.group(1) + ":" + scp.group(2);
    }
    return source;
  }

  /**
   * An absolute URI for the source when there is one: URLs as they are (redacted), scp-like
   * addresses as {@code ssh://host/path}, local paths as {@code file:} URIs.
   */
  public static Optional<String> toUri(String source) {
    if (source.isBlank()) {
      return Optional.empty();
    }
    if (SCHEME.matcher(source).find()) {
      return parse(source).map(SourceUris::withoutSecrets);
    }
    Matcher scp = SCP_LIKE.matcher(source);
    if (scp.matches() && !looksLikeWindowsDrive(source)) {
      String path = scp.group(2).startsWith("/") ? scp.group(2) : "/" + scp.group(2);
      return parse("ssh://" + scp.group(1) + path).map(SourceUris::withoutSecrets);
    }
    try {
      return Optional.of(Path.of(source).toAbsolutePath().normalize().toUri().toString());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static Optional<URI> parse(String source) {
    try {
      return Optional.of(new URI(source));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String withoutSecrets(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost());
    }
  }

  /** A URL that does not parse may still hold "user:token@": keep only what precedes it. */
  private static String redactUnparseable(String source) {
    int schemeEnd = source.indexOf("://") + 3;
    String rest = source.substring(schemeEnd);
    int at = rest.lastIndexOf('@');
    int slash = rest.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      rest = rest.substring(at + 1);
    }
    int query = rest.indexOf('?');
    return source.substring(0, schemeEnd) + (query >= 0 ? rest.substring(0, query) : rest);
  }

  private static boolean looksLikeWindowsDrive(String source) {
    return source.length() > 2 && source.charAt(1) == ':' && Character.isLetter(source.charAt(0));
  }
}
