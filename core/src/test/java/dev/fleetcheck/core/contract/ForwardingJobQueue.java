package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.util.List;

/** A job queue that forwards every call; tests override one method to inject a failure. */
public class ForwardingJobQueue implements JobQueue {

  private final JobQueue delegate;

  public ForwardingJobQueue(JobQueue delegate) {
    this.delegate = delegate;
  }

  @Override
  public void sendBatch(List<ScanJob> jobs) {
    delegate.sendBatch(jobs);
  }

  @Override
  public List<Delivery> receive(int max) {
    return delegate.receive(max);
  }

  @Override
  public boolean delete(String receiptHandle) {
    return delegate.delete(receiptHandle);
  }

  @Override
  public void fail(String receiptHandle, String reason) {
    delegate.fail(receiptHandle, reason);
  }

  @Override
  public int maxReceives() {
    return delegate.maxReceives();
  }

  @Override
  public Page<DeadLetter> deadLetters(PageRequest page) {
    return delegate.deadLetters(page);
  }

  @Override
  public QueueDepth depth() {
    return delegate.depth();
  }
}
