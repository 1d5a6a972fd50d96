package dev.fleetcheck.functions.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fleetcheck.core.fleet.BatchResult;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.functions.common.EventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The worker's batch path on a constant SQS event, run during init while another thread builds the
 * SDK clients (ADR 0032): the batch read into the events library's type, its deliveries, queue ages
 * and correlation ID, the job message decoded, and the batch response written. Nothing reaches a
 * port, the log or the work folder.
 */
final class WorkerWarmUp {

  private static final String JOB =
      "{\"version\":1,\"job_id\":\"sw-warm-up/warm-up\",\"sweep_id\":\"sw-warm-up\","
          + "\"repository\":{\"name\":\"warm-up\",\"url\":\"https://github.com/acme/warm-up.git\","
          + "\"team\":\"\",\"default_branch\":\"main\"},\"enqueued_at\":\"2000-01-01T00:00:00Z\"}";

  private static final byte[] BATCH =
      ("{\"Records\":[{\"messageId\":\"warm-up\",\"receiptHandle\":\"warm-up\",\"body\":"
              + quoted(JOB)
              + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1\"},"
              + "\"messageAttributes\":{\"correlation_id\":{\"stringValue\":\"warm-up\","
              + "\"dataType\":\"String\"}},\"eventSource\":\"aws:sqs\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private WorkerWarmUp() {}

  static void run() {
    try {
      SQSEvent event = SqsEvents.event(EventJson.read(new ByteArrayInputStream(BATCH)));
      SqsDeliveries.correlationId(event);
      SqsDeliveries.queueAges(event, 2);
      SqsDeliveries.of(event).forEach(d -> ScanJobCodec.decode(d.body()));
      EventJson.write(
          SqsEvents.json(SqsDeliveries.response(new BatchResult(List.of()))),
          OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
