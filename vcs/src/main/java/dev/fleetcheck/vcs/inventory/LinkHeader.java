package dev.fleetcheck.vcs.inventory;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RFC 8288 {@code Link} headers as GitHub sends them for pagination. */
final class LinkHeader {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]*)\"?");

  private LinkHeader() {}

  /** The target of the link whose {@code rel} includes {@code relation}, if any. */
  static Optional<URI> find(String header, String relation) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher rel = REL.matcher(link.group(2));
      if (rel.find()) {
        for (String value : rel.group(1).trim().split("\\s+")) {
          if (value.equalsIgnoreCase(relation)) {
            return Optional.of(URI.create(link.group(1).trim()));
          }
        }
      }
    }
    return Optional.empty();
  }
}
