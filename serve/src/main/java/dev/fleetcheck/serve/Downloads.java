package dev.fleetcheck.serve;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.port.ReportKeys;
import dev.fleetcheck.embedded.SignedLocalLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /downloads/<key>?expires=..&signature=..}: the signed local links that {@code GET
 * /v1/exports/{id}} hands out. A link that was not signed here for that key and expiry is refused
 * with 403, one signed here that has expired with 410; a valid one streams the file as an
 * attachment.
 */
final class Downloads {

  static final String PREFIX = "/downloads/";

  private final SignedLocalLinks links;
  private final Path root;

  Downloads(SignedLocalLinks links, Path reportsRoot) {
    this.links = links;
    this.root = reportsRoot.toAbsolutePath().normalize();
  }

  LocalServer.Answer answer(String rawPath, String rawQuery, String requestId) {
    String key = rawPath.substring(PREFIX.length());
    Map<String, String> query = HttpEvents.query(rawQuery).orElseGet(Map::of);
    SignedLocalLinks.Check check = links.check(key, query.get("expires"), query.get("signature"));
    if (check == SignedLocalLinks.Check.EXPIRED) {
      return new LocalServer.Answer.Local(
          LocalReply.error(
              410, ErrorCode.LINK_EXPIRED, "the download link has expired", requestId));
    }
    Optional<Path> file = check == SignedLocalLinks.Check.VALID ? file(key) : Optional.empty();
    if (check != SignedLocalLinks.Check.VALID) {
      return new LocalServer.Answer.Local(
          LocalReply.error(403, ErrorCode.FORBIDDEN, "the download link is not valid", requestId));
    }
    if (file.isEmpty()) {
      return new LocalServer.Answer.Local(
          LocalReply.error(404, ErrorCode.REPORT_NOT_FOUND, "no such file", requestId));
    }
    String name = file.get().getFileName().toString();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", ReportKeys.mediaType(name));
    headers.put("content-disposition", "attachment; filename=\"" + name + "\"");
    headers.put("content-security-policy", "default-src 'none'; sandbox");
    headers.put("x-content-type-options", "nosniff");
    headers.put("cache-control", "no-store");
    return new LocalServer.Answer.File(file.get(), headers);
  }

  private Optional<Path> file(String key) {
    Path file = root.resolve(ReportKeys.requireValid(key)).normalize();
    return file.startsWith(root) && Files.isRegularFile(file)
        ? Optional.of(file)
        : Optional.empty();
  }
}
