package dev.fleetcheck.core.fleet;

import java.util.List;

/**
 * The answer to a batch of deliveries, shaped like SQS's partial batch response: the messages that
 * failed (to be delivered again); every other message of the batch is deleted.
 */
public record BatchResult(List<ItemFailure> failures) {

  public BatchResult {
    failures = List.copyOf(failures);
  }

  public record ItemFailure(String messageId, String reason) {}

  public boolean failed(String messageId) {
    return failures.stream().anyMatch(f -> f.messageId().equals(messageId));
  }
}
