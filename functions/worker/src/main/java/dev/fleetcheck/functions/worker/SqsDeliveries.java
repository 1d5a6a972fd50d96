package dev.fleetcheck.functions.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fleetcheck.core.fleet.BatchResult;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQS's event and partial batch response, mapped to and from the worker's deliveries. */
final class SqsDeliveries {

  static final String CORRELATION_ID = "correlation_id";

  private SqsDeliveries() {}

  static List<Delivery> of(SQSEvent event) {
    return records(event).stream()
        .map(
            m ->
                new Delivery(
                    m.getMessageId(),
                    String.valueOf(m.getReceiptHandle()),
                    String.valueOf(m.getBody()),
                    attribute(m, "ApproximateReceiveCount")
                        .map(SqsDeliveries::number)
                        .orElse(1L)
                        .intValue()))
        .toList();
  }

  /** The batch's correlation ID: the one the sender attached to its first message, if any. */
  static String correlationId(SQSEvent event) {
    return records(event).stream()
        .map(
            m ->
                m.getMessageAttributes() == null
                    ? null
                    : m.getMessageAttributes().get(CORRELATION_ID))
        .filter(a -> a != null && a.getStringValue() != null)
        .map(SQSEvent.MessageAttribute::getStringValue)
        .findFirst()
        .orElse("");
  }

  /** How long each message waited in the queue before this delivery, in milliseconds. */
  static List<Long> queueAges(SQSEvent event, long nowMillis) {
    return records(event).stream()
        .map(m -> attribute(m, "SentTimestamp").map(SqsDeliveries::number))
        .flatMap(Optional::stream)
        .map(sent -> Math.max(0, nowMillis - sent))
        .toList();
  }

  static SQSBatchResponse response(BatchResult result) {
    return new SQSBatchResponse(
        result.failures().stream()
            .map(f -> new SQSBatchResponse.BatchItemFailure(f.messageId()))
            .toList());
  }

  private static List<SQSEvent.SQSMessage> records(SQSEvent event) {
    return event == null || event.getRecords() == null ? List.of() : event.getRecords();
  }

  private static Optional<String> attribute(SQSEvent.SQSMessage message, String name) {
    Map<String, String> attributes = message.getAttributes();
    return attributes == null ? Optional.empty() : Optional.ofNullable(attributes.get(name));
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
