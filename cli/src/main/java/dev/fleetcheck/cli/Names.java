package dev.fleetcheck.cli;

import java.util.Locale;

/** The lower-case spelling of enum constants on the command line and in settings. */
final class Names {

  private Names() {}

  static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant spelled {@code text}, ignoring case; the message lists the choices. */
  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    throw new IllegalArgumentException("choose one of " + LowerCaseEnumConverter.choices(type));
  }
}
