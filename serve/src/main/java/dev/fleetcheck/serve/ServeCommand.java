package dev.fleetcheck.serve;

import dev.fleetcheck.cli.ExitCodes;
import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.functions.common.FunctionLog;
import dev.fleetcheck.vcs.fetch.GitFetchers;
import dev.fleetcheck.vcs.fetch.RepoFetcherFactory;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetcheck serve}: the report API and the login page over the data dir's store. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Serve the report API over the embedded store, with its own JWT validation.",
    description = {
      "Listens on --bind:--port (port 0: an ephemeral port; the URL is logged on stderr as the"
          + " serve.started JSON line) and serves /v1/... through the very API function's handler,"
          + " GET /login and POST /login|/logout for the fleet page, and the signed download"
          + " links of exports. Worker threads run the scans POST /v1/scans queues and the sweeps"
          + " POST /v1/sweeps starts over --inventory. Bearer tokens are validated against --jwks (a file or an URL),"
          + " or, without it, the local key that 'fleetcheck token' signs with. Stop with Ctrl-C.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  fleetcheck serve --port 8080",
      "  TOKEN=$(fleetcheck token --scopes scans:read)",
      "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/v1/repos",
      "  fleetcheck serve --jwks https://idp.example.com/.well-known/jwks.json \\",
      "      --issuer https://idp.example.com/ --audience fleetcheck-api"
    })
final class ServeCommand implements Callable<Integer> {

  private final ServeMain.Host host;

  @Option(names = "--port", paramLabel = "N", description = "Port (default 8080; 0: ephemeral).")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address (default 127.0.0.1).")
  String bind;

  @Option(
      names = "--jwks",
      paramLabel = "FILE|URL",
      description = "The JWKS of the keys that sign accepted tokens (default: the local key).")
  String jwks;

  @Option(names = "--issuer", paramLabel = "ISS", description = "Required iss (default local).")
  String issuer;

  @Option(names = "--audience", paramLabel = "AUD", description = "Required aud (default local).")
  String audience;

  @Option(
      names = "--jwt-algorithms",
      paramLabel = "LIST",
      description = "Allowed signature algorithms (default RS256,ES256; asymmetric only).")
  String algorithms;

  @Option(
      names = "--clock-skew",
      paramLabel = "DURATION",
      description = "Leeway on exp and nbf (default 60s, at most 5m).")
  String skew;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description = "Requests a second per client after the burst (default 20; 0: off).")
  String rate;

  @Option(names = "--rate-burst", paramLabel = "N", description = "Burst per client (default 40).")
  String burst;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description =
          "The inventory POST /v1/sweeps sweeps (YAML or JSON, as for fleetcheck sweep; default:"
              + " none, and POST /v1/sweeps answers invalid_config).")
  String inventory;

  @Option(
      names = {"-w", "--workers"},
      paramLabel = "N",
      description = "Worker threads running queued scans, 1 to 64 (default 2).")
  Integer workers;

  @Option(
      names = "--scan-timeout",
      paramLabel = "DURATION",
      description = "Wall-clock bound of each scan (default 90s, below 2m).")
  String scanTimeout;

  @Mixin DataDirOptions store;

  ServeCommand(ServeMain.Host host) {
    this.host = host;
  }

  @Override
  public Integer call() throws InterruptedException {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    put(flags, Setting.PORT, port);
    put(flags, Setting.BIND, bind);
    put(flags, Setting.JWKS, jwks);
    put(flags, Setting.ISSUER, issuer);
    put(flags, Setting.AUDIENCE, audience);
    put(flags, Setting.JWT_ALGORITHMS, algorithms);
    put(flags, Setting.CLOCK_SKEW, skew);
    put(flags, Setting.RATE_LIMIT, rate);
    put(flags, Setting.RATE_BURST, burst);
    put(flags, Setting.INVENTORY, inventory);
    put(flags, Setting.WORKERS, workers);
    put(flags, Setting.SCAN_TIMEOUT, scanTimeout);
    ServeConfig resolved = store.resolve(host, flags);
    RepoFetcherFactory fetchers = GitFetchers.jgit(host.environment());
    fetchers.create(); // a bad token fails here, not in every job
    ServeApp app;
    try {
      app = ServeApp.start(resolved, fetchers, host.err(), host.clock());
    } catch (UncheckedIOException e) {
      String why = e.getCause() instanceof BindException ? " (the address is in use)" : "";
      throw new FleetcheckException(
          ErrorCode.IO_ERROR,
          "cannot listen on "
              + resolved.server().bind().getHostAddress()
              + ":"
              + resolved.server().port()
              + why);
    }
    try (app) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("url", app.baseUri().toString());
      fields.put("data_dir", resolved.dataDir().toString());
      fields.put(
          "jwks", resolved.jwks().orElse("local key " + LocalSigningKey.file(resolved.dataDir())));
      fields.put("issuer", resolved.issuer());
      fields.put("workers", resolved.work().workers());
      fields.put("inventory", resolved.work().inventory().map(Path::toString).orElse("none"));
      fields.put("audience", resolved.audience());
      fields.put(
          "rate_limit",
          app.rateLimited()
              ? resolved.server().ratePerSecond() + "/s, burst " + resolved.server().rateBurst()
              : "off");
      new FunctionLog("serve", host.err(), host.clock()).info("serve.started", fields);
      host.stop().await();
    }
    return ExitCodes.OK;
  }

  static void put(Map<Setting, String> flags, Setting setting, Object value) {
    if (value != null) {
      flags.put(setting, value.toString());
    }
  }
}
