package dev.fleetcheck.serve;

import dev.fleetcheck.cli.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --config}, shared by {@code serve} and {@code token}. */
final class DataDirOptions {

  @Option(names = "--data-dir", paramLabel = "DIR", description = "The data dir (~/.fleetcheck).")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE", description = "TOML settings file.")
  Path config;

  /** The settings after precedence, given the command's other typed flags. */
  ServeConfig resolve(ServeMain.Host host, Map<Setting, String> typed) {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.putAll(typed);
    if (dataDir != null) {
      flags.put(Setting.DATA_DIR, dataDir.toString());
    }
    return ServeConfig.resolve(
        host.environment(),
        host.workingDirectory(),
        host.defaultDataDir(),
        flags,
        Optional.ofNullable(config));
  }
}
