package dev.fleetcheck.serve;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.embedded.EmbeddedRuntime;
import dev.fleetcheck.functions.common.FunctionLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The running {@code fleetcheck serve}: the data dir's embedded store, the API function's handler
 * over it, the token validator and the HTTP server. Closing it stops the server, then the store.
 */
public final class ServeApp implements AutoCloseable {

  /** What {@code POST /v1/sweeps} answers here: sweeps run with {@code fleetcheck sweep}. */
  static final SweepLauncher NO_SWEEPS =
      id -> {
        throw new FleetcheckException(
            ErrorCode.INVALID_CONFIG,
            "fleetcheck serve does not launch sweeps; run fleetcheck sweep with the same data dir");
      };

  private final EmbeddedRuntime store;
  private final LocalServer server;

  private ServeApp(EmbeddedRuntime store, LocalServer server) {
    this.store = store;
    this.server = server;
  }

  /**
   * @param log where the JSON log lines go (stderr for the command)
   */
  static ServeApp start(ServeConfig config, PrintStream log, Clock clock) {
    JWKSource<SecurityContext> keys =
        config
            .jwks()
            .map(location -> JwksSources.of(location, config.workingDirectory()))
            .orElseGet(
                () -> JwksSources.of(LocalSigningKey.openOrCreate(config.dataDir()).publicKeys()));
    JwtValidator validator =
        new JwtValidator(
            keys, config.issuer(), config.audience(), config.algorithms(), config.skew());
    EmbeddedRuntime store =
        EmbeddedRuntime.open(
            config.dataDir(),
            clock,
            FleetRuntime.QUEUE,
            new dev.fleetcheck.core.fleet.FleetRuntime.Settings(RulePack.standard().digest()),
            FailureLog.NONE);
    try {
      var ports = store.fleet().ports();
      LocalServer server =
          LocalServer.start(
              config.server(),
              validator,
              links -> ApiBackend.perThread(ports, store.fleet().settings(), links, NO_SWEEPS, log),
              store.adapters().reports().root(),
              new FunctionLog("serve", log, clock),
              clock);
      return new ServeApp(store, server);
    } catch (IOException e) {
      store.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * The server on an ephemeral loopback port over {@code dataDir}, trusting the data dir's local
   * key ({@link #localToken} mints its tokens): what {@code make bench} drives.
   *
   * @param ratePerSecond per client; 0 turns the rate limiter off
   */
  public static ServeApp onLoopback(
      Path dataDir, double ratePerSecond, int burst, PrintStream log, Clock clock) {
    ServeConfig config =
        new ServeConfig(
            dataDir,
            new ServerOptions(
                InetAddress.getLoopbackAddress(),
                0,
                ServerOptions.defaultThreads(),
                ratePerSecond,
                burst),
            Optional.empty(),
            LocalSigningKey.DEFAULT_ISSUER,
            LocalSigningKey.DEFAULT_AUDIENCE,
            JwtValidator.algorithms(ServeConfig.DEFAULT_ALGORITHMS),
            ServeConfig.DEFAULT_SKEW,
            dataDir);
    return start(config, log, clock);
  }

  /** A token of the data dir's local key, as {@code fleetcheck token} mints it. */
  public static String localToken(Path dataDir, Set<String> scopes, Duration ttl, Instant now) {
    return LocalSigningKey.openOrCreate(dataDir)
        .mint(
            LocalSigningKey.DEFAULT_ISSUER,
            LocalSigningKey.DEFAULT_AUDIENCE,
            "bench",
            scopes,
            ttl,
            now);
  }

  public URI baseUri() {
    return server.baseUri();
  }

  boolean rateLimited() {
    return server.rateLimited();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
