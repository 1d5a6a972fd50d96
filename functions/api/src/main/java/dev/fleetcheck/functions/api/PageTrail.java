package dev.fleetcheck.functions.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Next and previous links over the API's forward-only signed cursors. The store can only read
 * onwards, so a page's links carry the cursors of the pages before it ({@code back}, oldest first,
 * {@value #FIRST} for the first page); when they would outgrow a query parameter the oldest are
 * dropped, and a page that no longer knows its predecessor offers only the first page.
 *
 * @param cursor the cursor of this page, empty on the first
 * @param back the cursors of the pages before it, empty entries for the first page
 */
record PageTrail(Optional<String> cursor, List<Optional<String>> back) {

  static final String FIRST = "-";
  private static final String SEPARATOR = "~";

  PageTrail {
    back = List.copyOf(back);
  }

  static PageTrail of(ApiRequest request) {
    List<Optional<String>> back = new ArrayList<>();
    request
        .query("back")
        .ifPresent(
            trail -> {
              for (String token : trail.split(SEPARATOR, -1)) {
                back.add(token.equals(FIRST) ? Optional.empty() : Optional.of(token));
              }
            });
    return new PageTrail(request.query("cursor"), back);
  }

  boolean first() {
    return cursor.isEmpty();
  }

  /** The cursor and trail of the page before this one, when it is known. */
  Optional<Map<String, String>> previous() {
    if (back.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parameters(back.get(back.size() - 1), back.subList(0, back.size() - 1)));
  }

  /** The cursor and trail of the page {@code next} starts. */
  Map<String, String> next(String next) {
    List<Optional<String>> trail = new ArrayList<>(back);
    trail.add(cursor);
    while (trail.size() > 1 && join(trail).length() > ApiRouter.MAX_PARAMETER_LENGTH) {
      trail.remove(0);
    }
    if (join(trail).length() > ApiRouter.MAX_PARAMETER_LENGTH) {
      trail.clear();
    }
    return parameters(Optional.of(next), trail);
  }

  private static Map<String, String> parameters(
      Optional<String> cursor, List<Optional<String>> trail) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("cursor", cursor.orElse(""));
    parameters.put("back", join(trail));
    return parameters;
  }

  private static String join(List<Optional<String>> trail) {
    List<String> tokens = new ArrayList<>();
    trail.forEach(c -> tokens.add(c.orElse(FIRST)));
    return String.join(SEPARATOR, tokens);
  }
}
