package dev.fleetcheck.serve;

import dev.fleetcheck.cli.ExitCodes;
import dev.fleetcheck.cli.config.Durations;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetcheck token}: a development token signed with the local key, on stdout only. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Mint a local development token for fleetcheck serve (stdout only).",
    description = {
      "Signs an ES256 JWT with the local key (<data dir>/serve/token-key.jwk, created owner-only"
          + " on first use) that 'fleetcheck serve' trusts when it runs without --jwks.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  fleetcheck token --scopes scans:read,exports:create",
      "  fleetcheck token --scopes sweeps:admin --ttl 15m --subject ci"
    })
final class TokenCommand implements Callable<Integer> {

  static final Set<String> SCOPES =
      Set.of("scans:read", "scans:write", "exports:create", "sweeps:admin");

  private final ServeMain.Host host;

  @Option(
      names = "--scopes",
      paramLabel = "LIST",
      required = true,
      split = ",",
      description = "Comma-separated: scans:read, scans:write, exports:create, sweeps:admin.")
  java.util.List<String> scopes;

  @Option(names = "--ttl", paramLabel = "DURATION", description = "Lifetime (default 1h, max 24h).")
  String ttl = "1h";

  @Option(names = "--subject", paramLabel = "SUB", description = "sub claim (default local-dev).")
  String subject = "local-dev";

  @Mixin DataDirOptions store;

  TokenCommand(ServeMain.Host host) {
    this.host = host;
  }

  @Override
  public Integer call() {
    Set<String> chosen = new LinkedHashSet<>();
    for (String scope : scopes) {
      String trimmed = scope.strip();
      if (!SCOPES.contains(trimmed)) {
        throw new FleetcheckException(
            ErrorCode.INVALID_ARGUMENT,
            "unknown scope '" + trimmed + "'; known: " + String.join(", ", sorted()));
      }
      chosen.add(trimmed);
    }
    Duration lifetime;
    try {
      lifetime = Durations.parse(ttl);
    } catch (IllegalArgumentException e) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "--ttl: " + e.getMessage());
    }
    ServeConfig resolved = store.resolve(host, Map.of());
    String token =
        LocalSigningKey.openOrCreate(resolved.dataDir())
            .mint(
                resolved.issuer(),
                resolved.audience(),
                subject,
                chosen,
                lifetime,
                host.clock().instant());
    host.out().println(token);
    return ExitCodes.OK;
  }

  private static java.util.List<String> sorted() {
    return SCOPES.stream().sorted().toList();
  }
}
