package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A repository URL that is safe to hand to a git transport: https, http or git, and file only when
 * the caller allows local repositories. Everything else is refused before any connection is made,
 * in particular git's transport helpers ({@code ext::sh -c ...}), option-like values ({@code
 * --upload-pack=...}), scp-like and ssh addresses, bare local paths and credentials embedded in the
 * URL (tokens travel through a credentials provider, never in the URL).
 *
 * @param uri the URL as given, which carries no credentials
 * @param scheme its lower-case scheme
 */
public record RepoUrl(String uri, String scheme) {

  private static final int MAX_LENGTH = 2048;
  private static final Set<String> REMOTE_SCHEMES = Set.of("https", "http", "git");
  private static final Pattern TRANSPORT_HELPER = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*::");

  /**
   * Checks {@code raw}.
   *
   * @param allowFile whether {@code file://} URLs of local repositories are accepted
   * @throws FleetcheckException with {@link ErrorCode#INVALID_REPO_URL}
   */
  public static RepoUrl parse(String raw, boolean allowFile) {
    if (raw == null || raw.isBlank()) {
      throw invalid("repository URL is empty");
    }
    if (raw.length() > MAX_LENGTH) {
      throw invalid("repository URL is longer than " + MAX_LENGTH + " characters");
    }
    if (!raw.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
      throw invalid("repository URL holds whitespace or control characters");
    }
    if (raw.startsWith("-")) {
      throw invalid("repository URL must not start with '-'");
    }
    if (TRANSPORT_HELPER.matcher(raw).find()) {
      throw invalid("git transport helpers ('<helper>::<address>') are not accepted");
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw invalid("repository URL is not a valid URL: " + e.getReason());
    }
    // Credentials, queries and fragments are refused first, whatever the scheme, and no message
    // repeats the URL: user-info, an ?access_token= or a #token may be a secret.
    if (uri.getRawUserInfo() != null) {
      throw invalid(
          "repository URL must not carry credentials; pass a token to the fetcher instead");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(
          "repository URL must not have a query or fragment ('?...' or '#...'); they can carry"
              + " credentials and git does not use them");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return fileUrl(raw, uri, allowFile);
    }
    if (!REMOTE_SCHEMES.contains(scheme)) {
      throw invalid(
          "only https, http and git URLs are accepted"
              + (allowFile ? " (and file:// for local repositories)" : "")
              + (scheme.isEmpty() ? "; local paths and scp-like addresses are not" : ""));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid("repository URL has no host");
    }
    if (uri.getRawPath() == null || uri.getRawPath().length() <= 1) {
      throw invalid("repository URL names no repository (it has no path after the host)");
    }
    return new RepoUrl(raw, scheme);
  }

  private static RepoUrl fileUrl(String raw, URI uri, boolean allowFile) {
    if (!allowFile) {
      throw invalid("file:// URLs are accepted only when local repositories are allowed");
    }
    String host = uri.getHost();
    if (uri.getRawAuthority() != null && !"localhost".equalsIgnoreCase(host)) {
      throw invalid("file:// URL must name a local path (file:///path or file://localhost/path)");
    }
    if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
      throw invalid("file:// URL must hold an absolute path");
    }
    return new RepoUrl(raw, "file");
  }

  /** Whether the transport talks to another host (credentials and the network apply). */
  public boolean remote() {
    return !scheme.equals("file");
  }

  /**
   * Whether a token may be offered to this host: over https, and over plain http only to a loopback
   * address (test servers), where it cannot be read off the wire.
   */
  public boolean acceptsToken() {
    if (scheme.equals("https")) {
      return true;
    }
    String host = URI.create(uri).getHost();
    return scheme.equals("http")
        && host != null
        && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVALID_REPO_URL, message);
  }
}
