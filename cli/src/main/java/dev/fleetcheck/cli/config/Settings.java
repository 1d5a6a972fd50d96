package dev.fleetcheck.cli.config;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of one invocation after precedence was applied: flags over {@code FLEETCHECK_*}
 * variables over the config file over defaults. A setting without any value (and no default) is
 * absent.
 */
public final class Settings {

  /** One resolved value and where it came from. */
  public record Value(String text, SettingSource source) {}

  private final Map<Setting, Value> values;
  private final Optional<java.nio.file.Path> configFile;

  Settings(Map<Setting, Value> values, Optional<java.nio.file.Path> configFile) {
    this.values = new EnumMap<>(Setting.class);
    this.values.putAll(values);
    this.configFile = configFile;
  }

  public Optional<Value> value(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  public Optional<String> text(Setting setting) {
    return value(setting).map(Value::text);
  }

  /** The config file that was read, if any. */
  public Optional<java.nio.file.Path> configFile() {
    return configFile;
  }

  /**
   * The setting converted by {@code parse}, or {@code fallback} when absent.
   *
   * @throws FleetcheckException INVALID_CONFIG naming the source when {@code parse} rejects it
   */
  public <T> T get(Setting setting, Function<String, T> parse, T fallback) {
    Optional<Value> value = value(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return parse.apply(value.get().text());
    } catch (RuntimeException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG,
          value.get().source().describe(setting)
              + ": '"
              + value.get().text()
              + "' is not valid"
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          e);
    }
  }
}
