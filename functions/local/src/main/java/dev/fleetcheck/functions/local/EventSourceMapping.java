package dev.fleetcheck.functions.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What template.yaml's SQS event source mapping does for the worker, done in this process against a
 * real SQS endpoint: receive a batch, hand it to the function as an {@link SQSEvent}, delete the
 * messages its {@link SQSBatchResponse} does not list (ReportBatchItemFailures), and keep the
 * listed ones. A function that throws fails its whole batch, as on Lambda.
 *
 * <p>One deviation, for local runs: Lambda leaves a failed message invisible until the queue's
 * visibility timeout lapses (1800 s in template.yaml), which no local run can wait for, so with
 * {@code redeliverAtOnce} the failed messages are made visible again at once. Receive counts and
 * the queue's redrive policy to the dead-letter queue are SQS's own either way.
 */
public final class EventSourceMapping {

  /** One receive-invoke-acknowledge round: the messages delivered and those the function failed. */
  public record Round(List<String> delivered, List<String> failed) {
    public Round {
      delivered = List.copyOf(delivered);
      failed = List.copyOf(failed);
    }
  }

  /** A drain: every round that delivered something, in order. */
  public record Drain(List<Round> rounds) {
    public Drain {
      rounds = List.copyOf(rounds);
    }

    public int deliveries() {
      return rounds.stream().mapToInt(r -> r.delivered().size()).sum();
    }
  }

  /** How long a receive waits for a message before answering that there is none. */
  private static final int WAIT_SECONDS = 1;

  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final int batchSize;
  private final boolean redeliverAtOnce;
  private final Function<SQSEvent, SQSBatchResponse> function;

  /**
   * @param batchSize template.yaml's BatchSize (1 to 10)
   * @param function the worker, invoked once per batch
   */
  public EventSourceMapping(
      SqsClient sqs,
      String queueUrl,
      String region,
      int batchSize,
      boolean redeliverAtOnce,
      Function<SQSEvent, SQSBatchResponse> function) {
    if (batchSize < 1 || batchSize > 10) {
      throw new IllegalArgumentException("an SQS batch holds 1 to 10 messages");
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.region = region;
    this.batchSize = batchSize;
    this.redeliverAtOnce = redeliverAtOnce;
    this.function = function;
    this.queueArn =
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
  }

  /** Rounds until a receive finds nothing; fails after {@code maxRounds} rather than loop on. */
  public Drain drain(int maxRounds) {
    List<Round> rounds = new ArrayList<>();
    for (int i = 0; i < maxRounds; i++) {
      Round round = pollOnce();
      if (round.delivered().isEmpty()) {
        return new Drain(rounds);
      }
      rounds.add(round);
    }
    throw new IllegalStateException("the queue still delivered after " + maxRounds + " rounds");
  }

  /** One round; a round that received nothing invokes nothing. */
  public Round pollOnce() {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
            .messages();
    if (messages.isEmpty()) {
      return new Round(List.of(), List.of());
    }
    Set<String> failed = new LinkedHashSet<>(invoke(event(messages, queueArn, region), messages));
    List<Message> succeeded = new ArrayList<>();
    List<Message> retried = new ArrayList<>();
    for (Message message : messages) {
      (failed.contains(message.messageId()) ? retried : succeeded).add(message);
    }
    delete(succeeded);
    if (redeliverAtOnce) {
      makeVisible(retried);
    }
    return new Round(messages.stream().map(Message::messageId).toList(), List.copyOf(failed));
  }

  private List<String> invoke(SQSEvent event, List<Message> messages) {
    SQSBatchResponse response;
    try {
      response = function.apply(event);
    } catch (RuntimeException functionError) {
      return messages.stream().map(Message::messageId).toList();
    }
    if (response == null || response.getBatchItemFailures() == null) {
      return List.of();
    }
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  /** The event Lambda builds from received messages, with the attributes the worker reads. */
  public static SQSEvent event(List<Message> messages, String queueArn, String region) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      record.setAttributes(new HashMap<>(message.attributesAsStrings()));
      Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
      message
          .messageAttributes()
          .forEach(
              (name, value) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(value.dataType());
                attribute.setStringValue(value.stringValue());
                attributes.put(name, attribute);
              });
      record.setMessageAttributes(attributes);
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(region);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private void delete(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .build());
    }
    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
  }

  private void makeVisible(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          ChangeMessageVisibilityBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .visibilityTimeout(0)
              .build());
    }
    sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
  }
}
