package dev.fleetcheck.core.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.ScoreBand;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.report.fleet.FleetReportAssembler;
import dev.fleetcheck.core.report.fleet.FleetReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fleet exports an API client asks for and downloads later: the fleet report of a sweep (the latest
 * by default) in one format, over the repositories a filter admits. An export is two objects in the
 * report store, under {@code exports/<id>/}: the rendered file, then its record (written last, so a
 * record always names a file that exists).
 *
 * <p>With an idempotency key the export ID derives from the key: the same key with the same request
 * answers the export made first; with another request it is IDEMPOTENCY_CONFLICT.
 */
public final class FleetExports {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern EXPORT_ID = Pattern.compile("e-[0-9a-f]{24}");

  private final FleetReportAssembler assembler;
  private final ReportStore reports;
  private final Clock clock;

  public FleetExports(FleetReportAssembler assembler, ReportStore reports, Clock clock) {
    this.assembler = assembler;
    this.reports = reports;
    this.clock = clock;
  }

  /** What to export: the format, the sweep (latest when empty) and the repositories' filter. */
  public record Request(FleetReportFormat format, Optional<String> sweepId, LatestFilter filter) {

    public Request {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(sweepId, "sweepId");
      Objects.requireNonNull(filter, "filter");
    }

    String hash() {
      return ScanId.hash("export", format.id(), sweepId.orElse("*"), filter.scope());
    }
  }

  /** A stored export: ready to download from {@code fileKey} of the report store. */
  public record Export(
      String exportId, Request request, String sweepId, Instant createdAt, String fileKey) {}

  /** The export, and whether this call made it (false: an earlier request with the key did). */
  public record Created(Export export, boolean created) {}

  /**
   * Renders and stores the export.
   *
   * @throws FleetcheckException SWEEP_NOT_FOUND when the sweep does not exist or none has run,
   *     IDEMPOTENCY_CONFLICT when the key was used for another request, INVALID_ARGUMENT for a key
   *     of more than 200 characters
   */
  public Created create(Request request, Optional<String> idempotencyKey) {
    String exportId;
    if (idempotencyKey.isPresent()) {
      exportId = "e-" + IdempotencyKeys.derive("export-key", idempotencyKey.get());
      Optional<Export> earlier = find(exportId);
      if (earlier.isPresent()) {
        if (!earlier.get().request().hash().equals(request.hash())) {
          throw new FleetcheckException(
              ErrorCode.IDEMPOTENCY_CONFLICT,
              "this idempotency key was used for another export request");
        }
        return new Created(earlier.get(), false);
      }
    } else {
      byte[] random = new byte[12];
      RANDOM.nextBytes(random);
      exportId = "e-" + HexFormat.of().formatHex(random);
    }
    var data = assembler.assemble(request.sweepId(), request.filter());
    String sweepId = data.sweep().sweepId();
    String fileKey = "exports/" + exportId + "/fleet-report." + request.format().extension();
    reports.put(fileKey, request.format().render(data).getBytes(StandardCharsets.UTF_8));
    Export export = new Export(exportId, request, sweepId, clock.instant(), fileKey);
    reports.put(recordKey(exportId), encode(export));
    return new Created(export, true);
  }

  /** The export of that ID; empty for an unknown or malformed ID. */
  public Optional<Export> find(String exportId) {
    if (exportId == null || !EXPORT_ID.matcher(exportId).matches()) {
      return Optional.empty();
    }
    return reports.get(recordKey(exportId)).map(FleetExports::decode);
  }

  private static String recordKey(String exportId) {
    return "exports/" + exportId + "/export.json";
  }

  private static byte[] encode(Export export) {
    ObjectNode node = JSON.createObjectNode();
    node.put("export_id", export.exportId());
    node.put("format", export.request().format().id());
    node.put("requested_sweep_id", export.request().sweepId().orElse(null));
    LatestFilter filter = export.request().filter();
    node.put("team", filter.team().orElse(null));
    node.put("band", filter.band().map(ScoreBand::id).orElse(null));
    node.put("rule", filter.failingRule().orElse(null));
    node.put("sweep_id", export.sweepId());
    node.put("created_at", export.createdAt().toString());
    node.put("file_key", export.fileKey());
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Export decode(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      LatestFilter filter = LatestFilter.all();
      if (node.hasNonNull("team")) {
        filter = filter.withTeam(node.get("team").asText());
      }
      if (node.hasNonNull("band")) {
        filter = filter.withBand(ScoreBand.fromId(node.get("band").asText()));
      }
      if (node.hasNonNull("rule")) {
        filter = filter.withFailingRule(node.get("rule").asText());
      }
      Request request =
          new Request(
              FleetReportFormat.fromId(node.path("format").asText()),
              Optional.ofNullable(node.get("requested_sweep_id"))
                  .filter(n -> !n.isNull())
                  .map(JsonNode::asText),
              filter);
      return new Export(
          node.path("export_id").asText(),
          request,
          node.path("sweep_id").asText(),
          Instant.parse(node.path("created_at").asText()),
          node.path("file_key").asText());
    } catch (IOException | RuntimeException e) {
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "an export record is unreadable");
    }
  }
}
