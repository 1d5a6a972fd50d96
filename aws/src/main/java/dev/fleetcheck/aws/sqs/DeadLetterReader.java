package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.JobQueue.DeadLetter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lists the dead-letter queue without consuming it: messages are received under a short visibility
 * timeout so one pass sees each once, then made visible again. A DLQ has no redrive policy, so
 * these receives move nothing; the receive count shown is the one the message had when it was
 * dead-lettered (the count this reading added is taken off).
 */
final class DeadLetterReader {

  private static final int HOLD_SECONDS = 30;
  private static final int MAX_ROUNDS = 1000;

  private final SqsClient sqs;
  private final String deadLetterUrl;
  private final FailureReasons reasons;

  DeadLetterReader(SqsClient sqs, String deadLetterUrl, FailureReasons reasons) {
    this.sqs = sqs;
    this.deadLetterUrl = deadLetterUrl;
    this.reasons = reasons;
  }

  /** A dead letter and where it sorts: oldest first, then by message ID. */
  record Listed(DeadLetter letter, long sentAt) {}

  List<Listed> readAll() {
    Map<String, Message> seen = new LinkedHashMap<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Message> batch =
          SqsJobQueue.call(
              "ReceiveMessage",
              () ->
                  sqs.receiveMessage(
                          b ->
                              b.queueUrl(deadLetterUrl)
                                  .maxNumberOfMessages(JobQueue.MAX_BATCH)
                                  .visibilityTimeout(HOLD_SECONDS)
                                  .waitTimeSeconds(0)
                                  .messageSystemAttributeNames(
                                      MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                      MessageSystemAttributeName.SENT_TIMESTAMP))
                      .messages());
      if (batch.isEmpty()) {
        break;
      }
      batch.forEach(m -> seen.putIfAbsent(m.messageId(), m));
    }
    List<Message> messages = new ArrayList<>(seen.values());
    for (int from = 0; from < messages.size(); from += JobQueue.MAX_BATCH) {
      release(messages.subList(from, Math.min(messages.size(), from + JobQueue.MAX_BATCH)));
    }
    messages.sort(
        Comparator.comparingLong(DeadLetterReader::sentAt).thenComparing(Message::messageId));
    List<Listed> letters = new ArrayList<>();
    for (Message message : messages) {
      letters.add(
          new Listed(
              new DeadLetter(
                  message.messageId(),
                  message.body(),
                  Math.max(1, SqsJobQueue.receiveCount(message) - 1),
                  reasons.lastReason(message.messageId()).orElse("")),
              sentAt(message)));
    }
    return letters;
  }

  private void release(List<Message> batch) {
    List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          ChangeMessageVisibilityBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(batch.get(i).receiptHandle())
              .visibilityTimeout(0)
              .build());
    }
    SqsJobQueue.call(
        "ChangeMessageVisibilityBatch",
        () -> sqs.changeMessageVisibilityBatch(b -> b.queueUrl(deadLetterUrl).entries(entries)));
  }

  static long sentAt(Message message) {
    return Long.parseLong(
        message.attributes().getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"));
  }
}
