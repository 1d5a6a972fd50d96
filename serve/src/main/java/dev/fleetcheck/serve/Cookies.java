package dev.fleetcheck.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code Cookie} request header, split as browsers send it ({@code a=1; b=2}). */
final class Cookies {

  private Cookies() {}

  static List<String> pairs(String header) {
    List<String> pairs = new ArrayList<>();
    if (header == null) {
      return pairs;
    }
    for (String part : header.split(";")) {
      String pair = part.strip();
      if (!pair.isEmpty()) {
        pairs.add(pair);
      }
    }
    return pairs;
  }

  static Optional<String> value(String header, String name) {
    for (String pair : pairs(header)) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
        String value = pair.substring(equals + 1).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  static boolean named(String pair, String name) {
    int equals = pair.indexOf('=');
    return equals > 0 && pair.substring(0, equals).strip().equals(name);
  }
}
