package dev.fleetcheck.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

  @TempDir Path dir;

  private ConfigResolver resolver(Map<String, String> environment) {
    return new ConfigResolver(
        environment,
        dir,
        Map.of(Setting.WORKERS, "2", Setting.DATA_DIR, dir.resolve("data").toString()));
  }

  private Path file(String name, String toml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, toml);
    return file;
  }

  @Test
  void flagWinsOverEnvironmentOverFileOverDefault() throws IOException {
    Path config = file("my.toml", "workers = 3\nformat = \"csv\"\nfail_on = \"never\"\n");
    Map<String, String> env =
        Map.of(
            "FLEETCHECK_WORKERS", "5", "FLEETCHECK_FORMAT", "json", "FLEETCHECK_CONFIG", "my.toml");

    Settings settings = resolver(env).resolve(Map.of(Setting.WORKERS, "7"), Optional.empty());

    assertThat(settings.text(Setting.WORKERS)).contains("7");
    assertThat(settings.value(Setting.WORKERS).get().source()).isEqualTo(new SettingSource.Flag());
    assertThat(settings.text(Setting.FORMAT)).contains("json");
    assertThat(settings.value(Setting.FORMAT).get().source())
        .isEqualTo(new SettingSource.Environment());
    assertThat(settings.text(Setting.FAIL_ON)).contains("never");
    assertThat(settings.value(Setting.FAIL_ON).get().source())
        .isEqualTo(new SettingSource.ConfigFile(config));
    assertThat(settings.text(Setting.LOG_FORMAT)).isEmpty();
    assertThat(settings.configFile()).contains(config);
  }

  @Test
  void defaultsApplyWhenNothingElseSaysAndBlankVariablesDoNotCount() {
    Settings settings =
        resolver(Map.of("FLEETCHECK_WORKERS", "  ")).resolve(Map.of(), Optional.empty());

    assertThat(settings.text(Setting.WORKERS)).contains("2");
    assertThat(settings.value(Setting.WORKERS).get().source())
        .isEqualTo(new SettingSource.Default());
    assertThat(settings.configFile()).isEmpty();
  }

  @Test
  void configFlagWinsOverTheVariableAndTheDataDirFile() throws IOException {
    file("flag.toml", "workers = 4\n");
    file("variable.toml", "workers = 5\n");
    file("data/config.toml", "workers = 6\n");

    Settings settings =
        resolver(Map.of("FLEETCHECK_CONFIG", "variable.toml"))
            .resolve(Map.of(), Optional.of(Path.of("flag.toml")));

    assertThat(settings.text(Setting.WORKERS)).contains("4");
  }

  @Test
  void dataDirFileIsFoundInTheDataDirTheFlagNamesBeforeTheWorkingDirFile() throws IOException {
    file("elsewhere/config.toml", "workers = 6\n");
    file("data/config.toml", "workers = 8\n");
    file("fleetcheck.toml", "workers = 9\n");

    assertThat(
            resolver(Map.of())
                .resolve(Map.of(Setting.DATA_DIR, "elsewhere"), Optional.empty())
                .text(Setting.WORKERS))
        .contains("6");
    assertThat(resolver(Map.of()).resolve(Map.of(), Optional.empty()).text(Setting.WORKERS))
        .contains("8");
    assertThat(
            resolver(Map.of())
                .resolve(Map.of(Setting.DATA_DIR, "empty"), Optional.empty())
                .text(Setting.WORKERS))
        .contains("9");
  }

  @Test
  void relativeDataDirInAFileIsRelativeToTheFile() throws IOException {
    Path config = file("conf/fleet.toml", "data_dir = \"state\"\n");

    Settings settings = resolver(Map.of()).resolve(Map.of(), Optional.of(config));

    assertThat(settings.text(Setting.DATA_DIR)).contains(dir.resolve("conf/state").toString());
  }

  @Test
  void unknownKeyIsInvalidConfigNamingTheKey() throws IOException {
    Path config = file("bad.toml", "workers = 2\nworkerz = 3\n");

    assertThatThrownBy(() -> resolver(Map.of()).resolve(Map.of(), Optional.of(config)))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG);
              assertThat(e.getMessage()).contains("'workerz'").contains("known keys");
            });
  }

  @Test
  void aTokenInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
    Path config = file("token.toml", "github_token = \"ghp_secretvalue123\"\n");

    assertThatThrownBy(() -> resolver(Map.of()).resolve(Map.of(), Optional.of(config)))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG);
              assertThat(e.getMessage())
                  .contains("FLEETCHECK_GITHUB_TOKEN")
                  .doesNotContain("ghp_secretvalue123");
            });
  }

  @Test
  void malformedTomlTablesAndMissingNamedFilesAreInvalidConfig() throws IOException {
    Path broken = file("broken.toml", "workers = \n");
    Path table = file("table.toml", "[workers]\ncount = 2\n");

    for (Runnable call :
        new Runnable[] {
          () -> resolver(Map.of()).resolve(Map.of(), Optional.of(broken)),
          () -> resolver(Map.of()).resolve(Map.of(), Optional.of(table)),
          () -> resolver(Map.of()).resolve(Map.of(), Optional.of(dir.resolve("missing.toml"))),
          () ->
              resolver(Map.of("FLEETCHECK_CONFIG", "nope.toml")).resolve(Map.of(), Optional.empty())
        }) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              FleetcheckException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }
  }

  @Test
  void aValueThatDoesNotParseNamesItsSource() {
    Settings settings =
        resolver(Map.of("FLEETCHECK_WORKERS", "many")).resolve(Map.of(), Optional.empty());

    assertThatThrownBy(() -> settings.get(Setting.WORKERS, Integer::parseInt, 1))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIG);
              assertThat(e.getMessage()).contains("FLEETCHECK_WORKERS").contains("'many'");
            });
  }
}
