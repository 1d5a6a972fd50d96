package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue.Delivery;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's batch logic, the same behind the SQS Lambda handler and the embedded poller: each
 * delivery is handled on its own, and only the ones that should be delivered again are reported, so
 * one bad repository never fails its batch-mates.
 */
public final class ScanWorker {

  private final ScanRepository scanRepository;
  private final int maxReceives;

  public ScanWorker(ScanRepository scanRepository, int maxReceives) {
    this.scanRepository = scanRepository;
    this.maxReceives = maxReceives;
  }

  public BatchResult handle(List<Delivery> deliveries) {
    List<BatchResult.ItemFailure> failures = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      JobResult result = handleOne(delivery);
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
      // Left for redelivery so that it ends in the dead-letter queue where an operator sees it.
      return new JobResult.Failed(e.errorCode(), e.getMessage(), true, false);
    }
    return scanRepository.call(
        job, new Attempt(Math.max(1, delivery.receiveCount()), Math.max(1, maxReceives)));
  }
}
