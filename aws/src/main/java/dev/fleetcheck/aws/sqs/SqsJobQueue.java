package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The job queue on SQS with a redrive policy to a dead-letter queue. The correlation ID of the
 * request that enqueued a job rides in the {@value #CORRELATION_ID} message attribute; SQS's {@code
 * ApproximateReceiveCount} is the attempt number. SQS cannot carry a failure reason, so {@link
 * #fail} logs it and keeps it in {@link FailureReasons} by message ID for {@link #deadLetters}.
 */
public final class SqsJobQueue implements JobQueue {

  public static final String CORRELATION_ID = "correlation_id";
  private static final Logger LOG = LoggerFactory.getLogger(SqsJobQueue.class);

  /** Receipts remembered to name the message a {@link #fail} is about; one batch is ten. */
  private static final int REMEMBERED_RECEIPTS = 1000;

  private final SqsClient sqs;
  private final SqsQueues queues;
  private final BatchSender sender;
  private final FailureReasons reasons;
  private final Supplier<Optional<String>> correlationId;
  private final PageCursors cursors;
  private final Map<String, String> messageIdByReceipt =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > REMEMBERED_RECEIPTS;
            }
          });

  /**
   * @param correlationId the current request's correlation ID, if any; a job sent outside a request
   *     is correlated by its job ID
   */
  public SqsJobQueue(
      SqsClient sqs,
      SqsQueues queues,
      FailureReasons reasons,
      Supplier<Optional<String>> correlationId,
      byte[] cursorKey) {
    this.sqs = sqs;
    this.cursors = new PageCursors(cursorKey);
    this.queues = queues;
    this.sender = new BatchSender(sqs, queues.queueUrl(), d -> Thread.sleep(d.toMillis()));
    this.reasons = reasons;
    this.correlationId = correlationId;
  }

  @Override
  public void sendBatch(List<ScanJob> jobs) {
    if (jobs.size() > MAX_BATCH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "at most " + MAX_BATCH + " jobs per batch");
    }
    if (jobs.isEmpty()) {
      return;
    }
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      ScanJob job = jobs.get(i);
      String correlation = correlationId.get().orElse(job.jobId());
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(ScanJobCodec.encode(job))
              .messageAttributes(
                  Map.of(
                      CORRELATION_ID,
                      MessageAttributeValue.builder()
                          .dataType("String")
                          .stringValue(correlation)
                          .build()))
              .build());
    }
    sender.send(entries);
  }

  @Override
  public List<Delivery> receive(int max) {
    List<Message> messages =
        call(
            "ReceiveMessage",
            () ->
                sqs.receiveMessage(
                        b ->
                            b.queueUrl(queues.queueUrl())
                                .maxNumberOfMessages(Math.max(1, Math.min(max, MAX_BATCH)))
                                .waitTimeSeconds(0)
                                .messageSystemAttributeNames(
                                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                                .messageAttributeNames(CORRELATION_ID))
                    .messages());
    List<Delivery> deliveries = new ArrayList<>();
    for (Message message : messages) {
      messageIdByReceipt.put(message.receiptHandle(), message.messageId());
      deliveries.add(
          new Delivery(
              message.messageId(), message.receiptHandle(), message.body(), receiveCount(message)));
    }
    return deliveries;
  }

  /**
   * SQS accepts a stale receipt without deleting anything and cannot say so; the answer is false
   * only when SQS rejects the receipt outright.
   */
  @Override
  public boolean delete(String receiptHandle) {
    try {
      call(
          "DeleteMessage",
          () -> sqs.deleteMessage(b -> b.queueUrl(queues.queueUrl()).receiptHandle(receiptHandle)));
      messageIdByReceipt.remove(receiptHandle);
      return true;
    } catch (ReceiptHandleIsInvalidException e) {
      return false;
    }
  }

  @Override
  public void fail(String receiptHandle, String reason) {
    String messageId = messageIdByReceipt.get(receiptHandle);
    LOG.warn("job.failed message_id={} reason={}", messageId, reason);
    if (messageId != null) {
      reasons.record(messageId, reason);
    }
  }

  @Override
  public int maxReceives() {
    return queues.maxReceives();
  }

  /**
   * SQS has no ordered listing of a queue: each page reads the whole dead-letter queue (it holds
   * what needs a human, so it stays small) and serves the letters after the cursor's position.
   */
  @Override
  public Page<DeadLetter> deadLetters(PageRequest page) {
    String scope = "dead-letters|" + queues.deadLetterUrl();
    Optional<List<String>> after = page.cursor().map(c -> cursors.decode(scope, c));
    List<DeadLetterReader.Listed> remaining = new ArrayList<>();
    for (DeadLetterReader.Listed listed :
        new DeadLetterReader(sqs, queues.deadLetterUrl(), reasons).readAll()) {
      if (after.isEmpty() || isAfter(listed, after.get())) {
        remaining.add(listed);
      }
    }
    List<DeadLetterReader.Listed> served =
        remaining.subList(0, Math.min(page.limit(), remaining.size()));
    Optional<String> next =
        remaining.size() > served.size()
            ? Optional.of(position(scope, served.get(served.size() - 1)))
            : Optional.empty();
    return new Page<>(served.stream().map(DeadLetterReader.Listed::letter).toList(), next);
  }

  private String position(String scope, DeadLetterReader.Listed last) {
    return cursors.encode(scope, List.of(Long.toString(last.sentAt()), last.letter().messageId()));
  }

  private static boolean isAfter(DeadLetterReader.Listed listed, List<String> position) {
    long sentAt;
    try {
      sentAt = Long.parseLong(position.get(0));
    } catch (RuntimeException e) {
      throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "the page cursor is not valid");
    }
    return listed.sentAt() > sentAt
        || (listed.sentAt() == sentAt
            && listed.letter().messageId().compareTo(position.get(1)) > 0);
  }

  @Override
  public QueueDepth depth() {
    Map<QueueAttributeName, String> main = counts(queues.queueUrl());
    Map<QueueAttributeName, String> dead = counts(queues.deadLetterUrl());
    return new QueueDepth(
        count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
        count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
        count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
            + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private Map<QueueAttributeName, String> counts(String queueUrl) {
    return call(
        "GetQueueAttributes",
        () ->
            sqs.getQueueAttributes(
                    b ->
                        b.queueUrl(queueUrl)
                            .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes());
  }

  private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    return Integer.parseInt(attributes.getOrDefault(name, "0"));
  }

  static int receiveCount(Message message) {
    return Integer.parseInt(
        message
            .attributes()
            .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
  }

  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ReceiptHandleIsInvalidException e) {
      throw e;
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "SQS " + operation + " failed: " + e.getMessage(), e);
    }
  }
}
