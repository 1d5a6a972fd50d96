package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.Causes;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's batch logic, the same behind the SQS Lambda handler and the embedded poller: each
 * delivery is handled on its own, and only the ones that should be delivered again are reported, so
 * one bad repository never fails its batch-mates.
 */
public final class ScanWorker {

  private final ScanRepository scanRepository;
  private final int maxReceives;
  private final FailureLog log;

  public ScanWorker(ScanRepository scanRepository, int maxReceives) {
    this(scanRepository, maxReceives, FailureLog.NONE);
  }

  public ScanWorker(ScanRepository scanRepository, int maxReceives, FailureLog log) {
    this.scanRepository = scanRepository;
    this.maxReceives = maxReceives;
    this.log = log;
  }

  public BatchResult handle(List<Delivery> deliveries) {
    List<BatchResult.ItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery delivery = deliveries.get(i);
      JobResult result = handleOne(delivery);
      if (result instanceof JobResult.Halted halted) {
        // The rest of the batch would fail the same way: leave it all for after the fix.
        String reason = "not handled: " + halted.errorCode().code() + ": " + halted.message();
        for (Delivery left : deliveries.subList(i, deliveries.size())) {
          failures.add(new BatchResult.ItemFailure(left.messageId(), reason));
        }
        return new BatchResult(failures, Optional.of(halted));
      }
      if (!result.deleteMessage() && result instanceof JobResult.Failed failed) {
        failures.add(
            new BatchResult.ItemFailure(
                delivery.messageId(), failed.errorCode().code() + ": " + failed.message()));
      }
    }
    return new BatchResult(failures);
  }

  private JobResult handleOne(Delivery delivery) {
    ScanJob job;
    try {
      job = ScanJobCodec.decode(delivery.body());
    } catch (FleetcheckException e) {
      log.failure(
          "job.malformed",
          e.errorCode(),
          Causes.redact(e.getMessage()),
          Map.of("message_id", delivery.messageId()));
      // Left for redelivery so that it ends in the dead-letter queue where an operator sees it.
      return new JobResult.Failed(e.errorCode(), e.getMessage(), true, false);
    }
    return scanRepository.call(
        job, new Attempt(Math.max(1, delivery.receiveCount()), Math.max(1, maxReceives)));
  }
}
