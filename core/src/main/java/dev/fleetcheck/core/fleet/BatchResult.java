package dev.fleetcheck.core.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a batch of deliveries, shaped like SQS's partial batch response: the messages that
 * failed (to be delivered again); every other message of the batch is deleted. {@code halted} is
 * the local storage failure that stopped the batch, if one did: its message and every message not
 * yet handled are among the failures, and the consumer should stop.
 */
public record BatchResult(List<ItemFailure> failures, Optional<JobResult.Halted> halted) {

  public BatchResult {
    failures = List.copyOf(failures);
  }

  public BatchResult(List<ItemFailure> failures) {
    this(failures, Optional.empty());
  }

  public record ItemFailure(String messageId, String reason) {}

  public boolean failed(String messageId) {
    return failures.stream().anyMatch(f -> f.messageId().equals(messageId));
  }
}
