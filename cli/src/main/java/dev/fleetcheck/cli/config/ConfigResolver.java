package dev.fleetcheck.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the precedence of settings: a flag, else its {@code FLEETCHECK_*} environment variable,
 * else the config file, else the default.
 *
 * <p>The config file is {@code --config FILE}, else {@code $FLEETCHECK_CONFIG}, else {@code <data
 * dir>/config.toml} (the data dir as the flag, the variable or the default say), else {@code
 * ./fleetcheck.toml}. A file named by the flag or the variable must exist; the other two are read
 * only when present. A relative {@code data_dir} in the file is relative to the file's folder.
 */
public final class ConfigResolver {

  /** The variable naming the config file; it is no setting of its own. */
  public static final String CONFIG_VARIABLE = Setting.ENVIRONMENT_PREFIX + "CONFIG";

  public static final String DATA_DIR_FILE_NAME = "config.toml";
  public static final String WORKING_DIR_FILE_NAME = "fleetcheck.toml";
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final Map<Setting, String> defaults;

  /**
   * @param defaults the value of each setting that nothing else gives; a setting missing here is
   *     absent unless given
   */
  public ConfigResolver(
      Map<String, String> environment, Path workingDirectory, Map<Setting, String> defaults) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.defaults = Map.copyOf(defaults);
  }

  /**
   * @param flags the settings given on the command line (only those given)
   * @param configFlag the {@code --config} file, if given
   * @throws FleetcheckException INVALID_CONFIG for a missing or malformed file, an unknown key, or
   *     a value that is not a plain string, number or boolean
   */
  public Settings resolve(Map<Setting, String> flags, Optional<Path> configFlag) {
    Optional<Path> file = locate(flags, configFlag);
    Map<Setting, String> fromFile = file.map(ConfigResolver::read).orElseGet(Map::of);
    Map<Setting, Settings.Value> resolved = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      Optional<String> env = variable(setting.variable());
      if (flags.containsKey(setting)) {
        resolved.put(setting, new Settings.Value(flags.get(setting), new SettingSource.Flag()));
      } else if (env.isPresent()) {
        resolved.put(setting, new Settings.Value(env.get(), new SettingSource.Environment()));
      } else if (fromFile.containsKey(setting)) {
        resolved.put(setting, fileValue(setting, fromFile.get(setting), file.get()));
      } else if (defaults.containsKey(setting)) {
        resolved.put(
            setting, new Settings.Value(defaults.get(setting), new SettingSource.Default()));
      }
    }
    return new Settings(resolved, file);
  }

  private Optional<Path> locate(Map<Setting, String> flags, Optional<Path> configFlag) {
    if (configFlag.isPresent()) {
      return Optional.of(mustExist(workingDirectory.resolve(configFlag.get()), "--config"));
    }
    Optional<String> named = variable(CONFIG_VARIABLE);
    if (named.isPresent()) {
      return Optional.of(mustExist(workingDirectory.resolve(named.get()), CONFIG_VARIABLE));
    }
    String dataDir =
        Optional.ofNullable(flags.get(Setting.DATA_DIR))
            .or(() -> variable(Setting.DATA_DIR.variable()))
            .or(() -> Optional.ofNullable(defaults.get(Setting.DATA_DIR)))
            .orElse(null);
    if (dataDir != null) {
      Path inDataDir = workingDirectory.resolve(dataDir).resolve(DATA_DIR_FILE_NAME);
      if (Files.isRegularFile(inDataDir)) {
        return Optional.of(inDataDir);
      }
    }
    Path inWorkingDir = workingDirectory.resolve(WORKING_DIR_FILE_NAME);
    return Files.isRegularFile(inWorkingDir) ? Optional.of(inWorkingDir) : Optional.empty();
  }

  private Optional<String> variable(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Path mustExist(Path file, String namedBy) {
    if (!Files.isRegularFile(file)) {
      throw invalid("config file " + file + " (from " + namedBy + ") does not exist");
    }
    return file;
  }

  private static Settings.Value fileValue(Setting setting, String text, Path file) {
    String value = text;
    if (setting == Setting.DATA_DIR && file.getParent() != null) {
      value = file.getParent().resolve(text).normalize().toString();
    }
    return new Settings.Value(value, new SettingSource.ConfigFile(file));
  }

  static Map<Setting, String> read(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw invalid("config file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      root = new TomlMapper().readTree(Files.readString(file));
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ": ";
      throw invalid("config file " + file + " is not valid TOML" + where + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    if (root == null) {
      return values;
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey();
      Setting setting = Setting.byKey(key).orElseThrow(() -> invalid(unknownKey(key, file)));
      JsonNode value = field.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw invalid("'" + key + "' in " + file + " must be a string, a number or a boolean");
      }
      values.put(setting, value.asText());
    }
    return values;
  }

  private static String unknownKey(String key, Path file) {
    String known =
        Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "));
    String hint =
        key.contains("token")
            ? "; tokens are read from FLEETCHECK_GITHUB_TOKEN only, never from a file"
            : "";
    return "unknown key '" + key + "' in " + file + " (known keys: " + known + ")" + hint;
  }

  private static FleetcheckException invalid(String message) {
    return new FleetcheckException(ErrorCode.INVALID_CONFIG, message);
  }
}
