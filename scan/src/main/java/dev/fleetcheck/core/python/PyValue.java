package dev.fleetcheck.core.python;

import java.util.List;
import java.util.Optional;

/**
 * The value of a simple expression in source, as far as it can be known without running code:
 * literals, lists/tuples/sets and dicts of them, and (dotted) names. Anything else is {@link Expr},
 * which keeps only its source text.
 */
public sealed interface PyValue {

  /** A string literal (adjacent literals joined); f-strings are {@link Expr}. */
  record Str(String value) implements PyValue {}

  record Bool(boolean value) implements PyValue {}

  record None() implements PyValue {}

  record Num(String text) implements PyValue {}

  /** A list, tuple or set display. */
  record Seq(List<PyValue> items) implements PyValue {
    public Seq {
      items = List.copyOf(items);
    }
  }

  record Dict(List<Entry> entries) implements PyValue {
    public Dict {
      entries = List.copyOf(entries);
    }

    /** The value under a string key. */
    public Optional<PyValue> get(String key) {
      for (Entry entry : entries) {
        if (entry.key() instanceof Str str && str.value().equals(key)) {
          return Optional.of(entry.value());
        }
      }
      return Optional.empty();
    }
  }

  record Entry(PyValue key, PyValue value) {}

  /** A name or dotted name, as written. */
  record Name(String dotted) implements PyValue {}

  /** Any other expression; {@code text} is its source as written (the first 200 chars). */
  record Expr(String text) implements PyValue {}

  default boolean isFalse() {
    return this instanceof Bool bool && !bool.value();
  }

  default boolean isNone() {
    return this instanceof None;
  }

  /** Whether this is the string {@code s}, or a sequence holding it (case-insensitive). */
  default boolean containsString(String s) {
    if (this instanceof Str str) {
      return str.value().trim().equalsIgnoreCase(s);
    }
    if (this instanceof Seq seq) {
      return seq.items().stream().anyMatch(item -> item.containsString(s));
    }
    return false;
  }
}
