package dev.fleetcheck.serve;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.fleetcheck.cli.BuildInfo;
import dev.fleetcheck.cli.sweep.FleetRuntime;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.functions.common.FunctionLog;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
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
 * over it, the token validator, the HTTP server and the workers that run the scans and sweeps the
 * API queues. Closing it stops the server, then the workers (each job in hand finishes; the rest
 * stays queued), then the store.
 */
public final class ServeApp implements AutoCloseable {

  private final FleetRuntime store;
  private final ServeWorkers workers;
  private final LocalServer server;

  private ServeApp(FleetRuntime store, ServeWorkers workers, LocalServer server) {
    this.store = store;
    this.workers = workers;
    this.server = server;
  }

  /**
   * @param fetchers what the workers clone with
   * @param log where the JSON log lines go (stderr for the command)
   */
  static ServeApp start(
      ServeConfig config, RepoFetcherFactory fetchers, PrintStream log, Clock clock) {
    JWKSource<SecurityContext> keys =
        config
            .jwks()
            .map(location -> JwksSources.of(location, config.workingDirectory()))
            .orElseGet(
                () -> JwksSources.of(LocalSigningKey.openOrCreate(config.dataDir()).publicKeys()));
    JwtValidator validator =
        new JwtValidator(
            keys, config.issuer(), config.audience(), config.algorithms(), config.skew());
    FleetRuntime store =
        FleetRuntime.open(
            config.dataDir(),
            RulePack.standard(),
            clock,
            BuildInfo.current().version(),
            FailureLog.NONE,
            config.work().scanTimeout());
    FunctionLog serveLog = new FunctionLog("serve", log, clock);
    try {
      var fleet = store.fleet();
      SweepLauncher sweeps = InventorySweeps.over(fleet, config.work().inventory());
      ServeWorkers workers = ServeWorkers.start(store, fetchers, config.work().workers(), serveLog);
      LocalServer server =
          LocalServer.start(
              config.server(),
              validator,
              links -> ApiBackend.perThread(fleet.ports(), fleet.settings(), links, sweeps, log),
              store.embedded().reports().root(),
              serveLog,
              clock);
      return new ServeApp(store, workers, server);
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
            dataDir,
            ServeWork.defaults());
    return start(config, RepoFetcherFactory.none(), log, clock);
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
    try {
      server.close();
    } finally {
      try {
        workers.close();
      } finally {
        store.close();
      }
    }
  }
}
