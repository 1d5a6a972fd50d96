package dev.fleetcheck.core.rules.detect;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RULES-NEXT.md's "public host": a host with a dot that is not loopback, link-local, RFC 1918, a
 * reserved test or local name, or {@code example.com|org|net}. Single-label hosts (compose service
 * names) are local.
 */
public final class PublicHosts {

  private static final Pattern HTTP_URL =
      Pattern.compile("(?i)^http://(?:[^/@\\s]*@)?(\\[[^\\]]*\\]|[^/:?#\\s]+)");
  private static final Pattern IPV4 =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}$");

  private PublicHosts() {}

  /** The host of a plaintext {@code http://} URL when it is public; empty otherwise. */
  public static Optional<String> plaintextPublicHost(String url) {
    Matcher m = HTTP_URL.matcher(url.strip());
    if (!m.find()) {
      return Optional.empty();
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    return isPublic(host) ? Optional.of(host) : Optional.empty();
  }

  public static boolean isPublic(String host) {
    if (host.startsWith("[") || !host.contains(".") || host.contains("{") || host.contains("%")) {
      return false;
    }
    Matcher ip = IPV4.matcher(host);
    if (ip.matches()) {
      int a = Integer.parseInt(ip.group(1));
      int b = Integer.parseInt(ip.group(2));
      boolean local =
          a == 127
              || a == 10
              || a == 0
              || (a == 169 && b == 254)
              || (a == 172 && b >= 16 && b <= 31)
              || (a == 192 && b == 168);
      return !local;
    }
    for (String suffix :
        new String[] {".local", ".localhost", ".internal", ".test", ".example", ".invalid"}) {
      if (host.endsWith(suffix)) {
        return false;
      }
    }
    return !host.equals("example.com")
        && !host.equals("example.org")
        && !host.equals("example.net")
        && !host.endsWith(".example.com")
        && !host.endsWith(".example.org")
        && !host.endsWith(".example.net")
        && !host.equals("testserver");
  }
}
