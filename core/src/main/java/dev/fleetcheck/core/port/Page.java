package dev.fleetcheck.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a stably ordered listing. {@code next} is the opaque cursor of the following page,
 * empty on the last one.
 */
public record Page<T>(List<T> items, Optional<String> next) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
