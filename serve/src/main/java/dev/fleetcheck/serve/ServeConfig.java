package dev.fleetcheck.serve;

import com.nimbusds.jose.JWSAlgorithm;
import dev.fleetcheck.cli.config.ConfigResolver;
import dev.fleetcheck.cli.config.Durations;
import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.cli.sweep.SweepSettings;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of {@code serve} and {@code token} after the precedence every command applies:
 * flags, then {@code FLEETCHECK_*} variables, then the config file, then these defaults
 * (docs/configuration.md).
 *
 * @param jwks a JWKS file or URL; empty: the local development key's public half
 * @param work the workers and the sweeps' inventory
 */
record ServeConfig(
    Path dataDir,
    ServerOptions server,
    Optional<String> jwks,
    String issuer,
    String audience,
    Set<JWSAlgorithm> algorithms,
    Duration skew,
    Path workingDirectory,
    ServeWork work) {

  static final String DEFAULT_ALGORITHMS = "RS256,ES256";
  static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  static Map<Setting, String> defaults(Path defaultDataDir) {
    Map<Setting, String> defaults = new EnumMap<>(Setting.class);
    defaults.put(Setting.DATA_DIR, defaultDataDir.toString());
    defaults.put(Setting.BIND, "127.0.0.1");
    defaults.put(Setting.PORT, Integer.toString(ServerOptions.DEFAULT_PORT));
    defaults.put(Setting.JWT_ALGORITHMS, DEFAULT_ALGORITHMS);
    defaults.put(Setting.CLOCK_SKEW, Durations.format(DEFAULT_SKEW));
    defaults.put(Setting.RATE_LIMIT, Integer.toString((int) ServerOptions.DEFAULT_RATE));
    defaults.put(Setting.RATE_BURST, Integer.toString(ServerOptions.DEFAULT_BURST));
    return defaults;
  }

  /**
   * @throws FleetcheckException INVALID_CONFIG naming where a bad value came from, or when a JWKS
   *     is given without the issuer and audience its tokens must carry
   */
  static ServeConfig resolve(
      Map<String, String> environment,
      Path workingDirectory,
      Path defaultDataDir,
      Map<Setting, String> flags,
      Optional<Path> configFile) {
    Settings settings =
        new ConfigResolver(environment, workingDirectory, defaults(defaultDataDir))
            .resolve(flags, configFile);
    Path dataDir =
        workingDirectory
            .resolve(settings.text(Setting.DATA_DIR).orElse(defaultDataDir.toString()))
            .toAbsolutePath()
            .normalize();
    Optional<String> jwks = settings.text(Setting.JWKS).filter(s -> !s.isBlank());
    Optional<String> issuer = settings.text(Setting.ISSUER);
    Optional<String> audience = settings.text(Setting.AUDIENCE);
    if (jwks.isPresent() && (issuer.isEmpty() || audience.isEmpty())) {
      throw new FleetcheckException(
          ErrorCode.INVALID_CONFIG,
          "a JWKS (--jwks) needs the issuer (--issuer) and the audience (--audience) its tokens"
              + " must carry");
    }
    ServerOptions server =
        new ServerOptions(
            settings.get(Setting.BIND, ServeConfig::address, null),
            settings.get(Setting.PORT, ServeConfig::port, ServerOptions.DEFAULT_PORT),
            ServerOptions.defaultThreads(),
            settings.get(Setting.RATE_LIMIT, ServeConfig::rate, ServerOptions.DEFAULT_RATE),
            settings.get(Setting.RATE_BURST, ServeConfig::burst, ServerOptions.DEFAULT_BURST));
    return new ServeConfig(
        dataDir,
        server,
        jwks,
        issuer.orElse(LocalSigningKey.DEFAULT_ISSUER),
        audience.orElse(LocalSigningKey.DEFAULT_AUDIENCE),
        settings.get(Setting.JWT_ALGORITHMS, JwtValidator::algorithms, Set.of()),
        settings.get(Setting.CLOCK_SKEW, ServeConfig::skew, DEFAULT_SKEW),
        workingDirectory,
        new ServeWork(
            SweepSettings.workers(settings),
            SweepSettings.scanTimeout(settings),
            settings
                .text(Setting.INVENTORY)
                .filter(s -> !s.isBlank())
                .map(s -> workingDirectory.resolve(s.strip()).toAbsolutePath().normalize())));
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text.strip());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IP address or a host name of this machine");
    }
  }

  private static int port(String text) {
    int port = Integer.parseInt(text.strip());
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("between 0 (an ephemeral port) and 65535");
    }
    return port;
  }

  private static double rate(String text) {
    double rate = Double.parseDouble(text.strip());
    if (!(rate >= 0 && rate <= 100_000)) {
      throw new IllegalArgumentException("requests a second per client, 0 (off) to 100000");
    }
    return rate;
  }

  private static int burst(String text) {
    int burst = Integer.parseInt(text.strip());
    if (burst < 1 || burst > 1_000_000) {
      throw new IllegalArgumentException("between 1 and 1000000");
    }
    return burst;
  }

  private static Duration skew(String text) {
    Duration skew = Durations.parse(text);
    if (skew.compareTo(JwtValidator.MAX_SKEW) > 0) {
      throw new IllegalArgumentException("at most " + Durations.format(JwtValidator.MAX_SKEW));
    }
    return skew;
  }
}
