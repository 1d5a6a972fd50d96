package dev.fleetcheck.core.model;

import java.util.Locale;

/** A kind of repository, detected from its tree; a repository can have several. */
public enum Profile {
  PYTHON,
  CLI,
  API,
  LAMBDA;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Profile fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
