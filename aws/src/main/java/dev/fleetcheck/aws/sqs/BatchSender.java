package dev.fleetcheck.aws.sqs;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One {@code SendMessageBatch} of up to ten entries, resending only the entries SQS reports as
 * failed, a bounded number of times with a growing pause. An entry SQS rejects as the sender's
 * fault (too large, malformed) is not retried: it would fail the same way.
 */
final class BatchSender {

  /** Pauses between rounds; sleeping is a seam so tests need not wait. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final int MAX_ATTEMPTS = 4;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

  private final SqsClient sqs;
  private final String queueUrl;
  private final Sleeper sleeper;

  BatchSender(SqsClient sqs, String queueUrl, Sleeper sleeper) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.sleeper = sleeper;
  }

  void send(List<SendMessageBatchRequestEntry> entries) {
    Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
    entries.forEach(entry -> pending.put(entry.id(), entry));
    Duration pause = FIRST_PAUSE;
    for (int attempt = 1; ; attempt++) {
      List<BatchResultErrorEntry> failed = sendOnce(new ArrayList<>(pending.values()));
      pending.keySet().retainAll(failed.stream().map(BatchResultErrorEntry::id).toList());
      if (pending.isEmpty()) {
        return;
      }
      List<BatchResultErrorEntry> senderFaults =
          failed.stream().filter(BatchResultErrorEntry::senderFault).toList();
      if (!senderFaults.isEmpty() || attempt == MAX_ATTEMPTS) {
        BatchResultErrorEntry first = senderFaults.isEmpty() ? failed.get(0) : senderFaults.get(0);
        throw new FleetcheckException(
            ErrorCode.STORE_FAILED,
            "SQS refused "
                + pending.size()
                + " of "
                + entries.size()
                + " jobs after "
                + attempt
                + " attempts: "
                + first.code());
      }
      pause(pause);
      pause = pause.multipliedBy(2);
    }
  }

  private List<BatchResultErrorEntry> sendOnce(List<SendMessageBatchRequestEntry> entries) {
    try {
      SendMessageBatchResponse response =
          sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      return response.hasFailed() ? response.failed() : List.of();
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "SQS SendMessageBatch failed: " + e.getMessage(), e);
    }
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetcheckException(ErrorCode.STORE_FAILED, "interrupted while resending jobs");
    }
  }
}
