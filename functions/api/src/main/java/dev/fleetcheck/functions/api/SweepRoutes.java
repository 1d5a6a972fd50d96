package dev.fleetcheck.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.CompareSweeps;
import dev.fleetcheck.core.fleet.FleetQueries;
import dev.fleetcheck.core.fleet.IdempotencyKeys;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ResultStore;
import dev.fleetcheck.core.port.SweepLauncher;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Starting a sweep (administrators) and reading one's progress and changes. */
final class SweepRoutes {

  static final String ADMIN = "sweeps:admin";
  private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int FAILURES_SHOWN = 50;

  private final SweepLauncher launcher;
  private final FleetQueries queries;
  private final ResultStore results;
  private final Clock clock;

  SweepRoutes(SweepLauncher launcher, FleetQueries queries, ResultStore results, Clock clock) {
    this.launcher = launcher;
    this.queries = queries;
    this.results = results;
    this.clock = clock;
  }

  List<Route> routes() {
    return List.of(
        Route.scoped("POST /v1/sweeps", ADMIN, this::start),
        Route.scoped("GET /v1/sweeps/{id}", ReadRoutes.READ, this::sweep));
  }

  /**
   * Launches the sweep the body names, or a new one. An idempotency key names the sweep itself
   * ({@code sw-key-} and a hash of the key), so a retried request resumes the sweep the first one
   * started instead of starting a second.
   */
  private ApiReply start(ApiRequest request) {
    JsonBody body = JsonBody.of(request, Set.of("sweep_id"));
    Optional<String> named = body.text("sweep_id", 100);
    Optional<String> key = request.header("idempotency-key");
    if (named.isPresent() && key.isPresent()) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "give either sweep_id or an Idempotency-Key, not both");
    }
    if (named.isPresent() && !SWEEP_ID.matcher(named.get()).matches()) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "sweep_id has 1 to 100 letters, digits, '.', '_' or '-'");
    }
    String sweepId =
        named.orElseGet(
            () ->
                key.map(k -> "sw-key-" + IdempotencyKeys.derive("sweep-key", k))
                    .orElseGet(
                        () ->
                            "sw-"
                                + ID_TIME.format(clock.instant())
                                + "-"
                                + UUID.randomUUID().toString().substring(0, 8)));
    launcher.launch(sweepId);
    ObjectNode reply = ApiReply.JSON.createObjectNode();
    reply.put("sweep_id", sweepId);
    reply.put("status", "started");
    return ApiReply.accepted(reply, "/v1/sweeps/" + sweepId);
  }

  private ApiReply sweep(ApiRequest request) {
    String id = request.path("id");
    Sweep sweep =
        results
            .sweep(id)
            .orElseThrow(() -> new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no such sweep"));
    return ApiReply.ok(
        Views.sweep(
            sweep,
            queries.progress(id),
            queries.failedEntries(id, PageRequest.first(FAILURES_SHOWN)),
            new CompareSweeps(results).call(id)));
  }
}
