package dev.fleetcheck.core.facts;

import dev.fleetcheck.core.model.Evidence;
import java.util.Optional;

/** A configuration file as parsed: absent, malformed (with evidence), or its value. */
public sealed interface Parsed<T> {

  record Absent<T>() implements Parsed<T> {}

  record Malformed<T>(Evidence problem) implements Parsed<T> {}

  record Ok<T>(T value) implements Parsed<T> {}

  default Optional<T> asOptional() {
    return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }

  default boolean present() {
    return !(this instanceof Absent<T>);
  }
}
