package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's workers and inventory resolve like the sweep command's: flags, env, config, defaults. */
class ServeWorkSettingsTest {

  @TempDir Path dir;

  private ServeWork resolve(Map<String, String> env, Map<Setting, String> flags, Path config) {
    return ServeConfig.resolve(env, dir, dir.resolve("home"), flags, Optional.ofNullable(config))
        .work();
  }

  @Test
  void withNothingSetTwoWorkersRunAndNoInventoryIsConfigured() {
    assertThat(resolve(Map.of(), Map.of(), null)).isEqualTo(ServeWork.defaults());
  }

  @Test
  void theFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("fleetcheck.toml"),
            "inventory = \"from-config.yaml\"\nworkers = 3\nscan_timeout = \"30s\"\n");

    ServeWork fromConfig = resolve(Map.of(), Map.of(), config);
    ServeWork fromEnv =
        resolve(
            Map.of("FLEETCHECK_INVENTORY", "from-env.yaml", "FLEETCHECK_WORKERS", "5"),
            Map.of(),
            config);
    ServeWork fromFlag =
        resolve(
            Map.of("FLEETCHECK_INVENTORY", "from-env.yaml"),
            Map.of(Setting.INVENTORY, "from-flag.yaml"),
            config);

    assertThat(fromConfig)
        .isEqualTo(
            new ServeWork(3, Duration.ofSeconds(30), Optional.of(dir.resolve("from-config.yaml"))));
    assertThat(fromEnv.inventory()).contains(dir.resolve("from-env.yaml"));
    assertThat(fromEnv.workers()).isEqualTo(5);
    assertThat(fromFlag.inventory()).contains(dir.resolve("from-flag.yaml"));
  }

  @Test
  void aScanTimeoutTheQueueCannotHoldIsAConfigurationError() {
    assertThatThrownBy(() -> resolve(Map.of("FLEETCHECK_SCAN_TIMEOUT", "3m"), Map.of(), null))
        .isInstanceOf(FleetcheckException.class)
        .satisfies(
            e ->
                assertThat(((FleetcheckException) e).errorCode())
                    .isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessageContaining("FLEETCHECK_SCAN_TIMEOUT");
  }
}
