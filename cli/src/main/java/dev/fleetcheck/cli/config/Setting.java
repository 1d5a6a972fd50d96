package dev.fleetcheck.cli.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting that a flag, an environment variable or the config file can give, with its names in
 * each. docs/configuration.md lists the same table.
 */
public enum Setting {
  DATA_DIR("data_dir", "--data-dir"),
  WORKERS("workers", "--workers"),
  FORMAT("format", "--format"),
  LOG_FORMAT("log_format", "--log-format"),
  FAIL_ON("fail_on", "--fail-on"),
  GITHUB_API("github_api", "--github-api"),
  SCAN_TIMEOUT("scan_timeout", "--scan-timeout"),
  // fleetcheck serve (the serve module; docs/adr/0024)
  BIND("bind", "--bind"),
  PORT("port", "--port"),
  JWKS("jwks", "--jwks"),
  ISSUER("issuer", "--issuer"),
  AUDIENCE("audience", "--audience"),
  JWT_ALGORITHMS("jwt_algorithms", "--jwt-algorithms"),
  CLOCK_SKEW("clock_skew", "--clock-skew"),
  RATE_LIMIT("rate_limit", "--rate-limit"),
  RATE_BURST("rate_burst", "--rate-burst"),
  INVENTORY("inventory", "--inventory");

  /** The environment variable prefix; the token variable shares it but is no setting. */
  public static final String ENVIRONMENT_PREFIX = "FLEETCHECK_";

  private final String key;
  private final String flag;

  Setting(String key, String flag) {
    this.key = key;
    this.flag = flag;
  }

  /** The key in the TOML config file, e.g. {@code data_dir}. */
  public String key() {
    return key;
  }

  /** The environment variable, e.g. {@code FLEETCHECK_DATA_DIR}. */
  public String variable() {
    return ENVIRONMENT_PREFIX + name();
  }

  /** The command-line option, e.g. {@code --data-dir}. */
  public String flag() {
    return flag;
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
