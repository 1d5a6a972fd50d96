package dev.fleetcheck.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

class BatchSenderTest {

  /** An SQS stand-in that fails the entries it is told to, round by round, and records calls. */
  private static final class FlakySqs implements SqsClient {
    final List<List<String>> calls = new ArrayList<>();
    final List<Set<String>> failPerRound;
    final boolean senderFault;

    FlakySqs(boolean senderFault, List<Set<String>> failPerRound) {
      this.senderFault = senderFault;
      this.failPerRound = failPerRound;
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
      List<String> ids = request.entries().stream().map(SendMessageBatchRequestEntry::id).toList();
      Set<String> failing = failPerRound.get(Math.min(calls.size(), failPerRound.size() - 1));
      calls.add(ids);
      return SendMessageBatchResponse.builder()
          .failed(
              ids.stream()
                  .filter(failing::contains)
                  .map(
                      id ->
                          BatchResultErrorEntry.builder()
                              .id(id)
                              .code("InternalError")
                              .senderFault(senderFault)
                              .build())
                  .toList())
          .build();
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {}
  }

  private static List<SendMessageBatchRequestEntry> entries(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("b").build())
        .toList();
  }

  @Test
  void resendsOnlyTheFailedEntriesWithGrowingPauses() {
    FlakySqs sqs = new FlakySqs(false, List.of(Set.of("e2", "e7"), Set.of("e7"), Set.of()));
    List<Duration> pauses = new ArrayList<>();

    new BatchSender(sqs, "q", pauses::add).send(entries(10));

    assertThat(sqs.calls)
        .containsExactly(
            List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"),
            List.of("e2", "e7"),
            List.of("e7"));
    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void givesUpAfterBoundedAttempts() {
    FlakySqs sqs = new FlakySqs(false, List.of(Set.of("e1")));

    assertThatThrownBy(() -> new BatchSender(sqs, "q", d -> {}).send(entries(3)))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_FAILED);
              assertThat(e.getMessage()).contains("1 of 3");
            });
    assertThat(sqs.calls).hasSize(BatchSender.MAX_ATTEMPTS);
  }

  @Test
  void doesNotRetryWhatSqsCallsTheSendersFault() {
    FlakySqs sqs = new FlakySqs(true, List.of(Set.of("e0")));

    assertThatThrownBy(() -> new BatchSender(sqs, "q", d -> {}).send(entries(2)))
        .isInstanceOf(FleetcheckException.class);
    assertThat(sqs.calls).hasSize(1);
  }
}
