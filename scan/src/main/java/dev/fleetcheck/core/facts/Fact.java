package dev.fleetcheck.core.facts;

import java.util.Objects;
import java.util.function.Function;

/**
 * A named fact about a repository, computed once per scan from the snapshot (and other facts) and
 * cached by {@link Facts}. Collecting facts is kept apart from judging them: rules read facts,
 * facts never know about rules. Identity is the instance, so declare each fact as a constant.
 */
public final class Fact<T> {

  private final String name;
  private final Function<Facts, T> compute;

  private Fact(String name, Function<Facts, T> compute) {
    this.name = Objects.requireNonNull(name, "name");
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  public static <T> Fact<T> of(String name, Function<Facts, T> compute) {
    return new Fact<>(name, compute);
  }

  public String name() {
    return name;
  }

  T computeFrom(Facts facts) {
    return compute.apply(facts);
  }

  @Override
  public String toString() {
    return "Fact[" + name + "]";
  }
}
