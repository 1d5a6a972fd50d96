package dev.fleetcheck.core.model;

import java.util.Locale;

/** How strongly the standard asks for a rule; the weight feeds the score (RULES.md). */
public enum Level {
  REQUIRED(3),
  RECOMMENDED(2),
  ADVISORY(1);

  private final int weight;

  Level(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }

  /** The lower-case name used in every report format. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Level fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
