package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import java.util.List;

/**
 * The queue as the worker sees it on Lambda: the SQS event source mapping receives and deletes the
 * messages, so the worker only needs the redrive policy's {@code maxReceiveCount} (to know a
 * delivery is the last one). Any other call means the function was wired wrongly.
 */
final class EventSourceQueue implements JobQueue {

  private final int maxReceives;

  EventSourceQueue(int maxReceives) {
    this.maxReceives = maxReceives;
  }

  @Override
  public int maxReceives() {
    return maxReceives;
  }

  @Override
  public void sendBatch(List<ScanJob> jobs) {
    throw notHere("send");
  }

  @Override
  public List<Delivery> receive(int max) {
    throw notHere("receive");
  }

  @Override
  public boolean delete(String receiptHandle) {
    throw notHere("delete");
  }

  @Override
  public void fail(String receiptHandle, String reason) {
    throw notHere("fail");
  }

  @Override
  public Page<DeadLetter> deadLetters(PageRequest page) {
    throw notHere("list dead letters");
  }

  @Override
  public QueueDepth depth() {
    throw notHere("measure the queue");
  }

  private static FleetcheckException notHere(String what) {
    return new FleetcheckException(
        ErrorCode.INVALID_CONFIG,
        "the queue is the event source here; set " + FunctionEnvironment.QUEUE_URL + " to " + what);
  }
}
