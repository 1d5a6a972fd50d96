package dev.fleetcheck.core.port;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page to read: at most {@code limit} items after the position an earlier page's cursor
 * names, or from the start when the cursor is empty.
 */
public record PageRequest(int limit, Optional<String> cursor) {

  public static final int MAX_LIMIT = 500;

  public PageRequest {
    Objects.requireNonNull(cursor, "cursor");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "page limit must be between 1 and " + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(limit, Optional.of(cursor));
  }
}
