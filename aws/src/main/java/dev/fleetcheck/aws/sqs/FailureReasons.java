package dev.fleetcheck.aws.sqs;

import java.util.Optional;

/**
 * Where a consumer's last failure reason for a message is kept, since an SQS message cannot carry
 * it to the dead-letter queue. Keyed by message ID, which a redrive keeps.
 */
public interface FailureReasons {

  void record(String messageId, String reason);

  Optional<String> lastReason(String messageId);
}
