package dev.fleetcheck.functions.sweep;

import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.fleet.StartSweep;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.functions.common.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The sweep's own paths on constants, run during init while another thread builds the SDK clients
 * (ADR 0032): a schedule event read and turned into its trigger, a job message encoded, the
 * response written. Nothing reaches a port or the log.
 */
final class SweepWarmUp {

  private static final Instant SOME_TIME = Instant.parse("2000-01-01T00:00:00Z");
  private static final byte[] SCHEDULE =
      ("{\"scheduled_time\":\"" + SOME_TIME + "\",\"execution_id\":\"warm-up\"}")
          .getBytes(StandardCharsets.UTF_8);

  private SweepWarmUp() {}

  static void run() {
    try {
      var event = EventJson.map(EventJson.read(new ByteArrayInputStream(SCHEDULE)));
      SweepEvent.trigger(event);
      SweepEvent.correlationId(event);
      ScanJobCodec.encode(
          ScanJob.forSweep(
              "warm-up",
              new RepoRef("warm-up", "https://github.com/acme/warm-up.git", "", "main"),
              SOME_TIME));
      EventJson.write(
          SweepEvent.response(
              new StartSweep.Started(new Sweep("warm-up", SOME_TIME, 0, ""), false, 0)),
          OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
