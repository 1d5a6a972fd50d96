package dev.fleetcheck.cli;

import dev.fleetcheck.cli.config.ConfigResolver;
import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command, and the defaults of every setting. */
public final class ConfigOptions {

  /** The defaults, the last step of the precedence (docs/configuration.md). */
  static Map<Setting, String> defaults(CliEnvironment env) {
    Map<Setting, String> defaults = new EnumMap<>(Setting.class);
    defaults.put(Setting.DATA_DIR, env.host().defaultDataDir().toString());
    defaults.put(Setting.WORKERS, "2");
    defaults.put(Setting.LOG_FORMAT, "text");
    defaults.put(Setting.FAIL_ON, "required");
    defaults.put(Setting.GITHUB_API, "https://api.github.com/");
    defaults.put(
        Setting.SCAN_TIMEOUT,
        dev.fleetcheck.cli.config.Durations.format(
            dev.fleetcheck.cli.sweep.JobTimeouts.DEFAULT_SCAN));
    return defaults;
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "TOML settings file (default: $FLEETCHECK_CONFIG, else <data dir>/config.toml, else"
              + " ./fleetcheck.toml). Flags and FLEETCHECK_* variables win over it.")
  Path config;

  /** The settings of this invocation, given the flags that were typed. */
  Settings resolve(CliEnvironment env, Map<Setting, String> flags) {
    ConfigResolver resolver =
        new ConfigResolver(env.host().environment(), env.host().workingDirectory(), defaults(env));
    return resolver.resolve(flags, Optional.ofNullable(config));
  }

  /** Builds the map of typed flags, leaving out the ones not given. */
  static final class Flags {
    private final Map<Setting, String> given = new EnumMap<>(Setting.class);

    Flags put(Setting setting, Object value) {
      if (value != null) {
        given.put(setting, value instanceof Enum<?> e ? Names.id(e) : value.toString());
      }
      return this;
    }

    Map<Setting, String> toMap() {
      return given;
    }
  }
}
