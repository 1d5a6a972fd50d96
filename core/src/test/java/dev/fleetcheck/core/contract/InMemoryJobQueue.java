package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A job queue in memory with the semantics of SQS (and of the embedded queue): visibility timeout
 * on the given clock, receive counts, redelivery, dead-lettering at the receive after {@code
 * maxReceives}, and a failure reason kept on the message. For core's own runs of the contract and
 * scenario suites.
 */
public final class InMemoryJobQueue implements JobQueue {

  private static final class Message {
    final long seq;
    final String messageId;
    final String body;
    Instant visibleAt;
    int receiveCount;
    String receipt;
    String lastFailure = "";

    Message(long seq, String messageId, String body, Instant visibleAt) {
      this.seq = seq;
      this.messageId = messageId;
      this.body = body;
      this.visibleAt = visibleAt;
    }
  }

  private final Clock clock;
  private final Duration visibilityTimeout;
  private final int maxReceives;
  private final PageCursors cursors =
      new PageCursors("in-memory-dead-letters-cursor-key!!".getBytes(StandardCharsets.UTF_8));
  private final Map<String, Message> waiting = new LinkedHashMap<>();
  private final List<Message> dead = new ArrayList<>();
  private long nextSeq;

  public InMemoryJobQueue(Clock clock, Duration visibilityTimeout, int maxReceives) {
    this.clock = clock;
    this.visibilityTimeout = visibilityTimeout;
    this.maxReceives = maxReceives;
  }

  @Override
  public synchronized void sendBatch(List<ScanJob> jobs) {
    if (jobs.size() > MAX_BATCH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "at most " + MAX_BATCH + " messages per batch");
    }
    for (ScanJob job : jobs) {
      String id = UUID.randomUUID().toString();
      waiting.put(id, new Message(nextSeq++, id, ScanJobCodec.encode(job), clock.instant()));
    }
  }

  @Override
  public synchronized List<Delivery> receive(int max) {
    if (max < 1 || max > MAX_BATCH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "receive between 1 and " + MAX_BATCH + " messages");
    }
    Instant now = clock.instant();
    List<Delivery> deliveries = new ArrayList<>();
    Iterator<Message> messages = waiting.values().iterator();
    while (messages.hasNext() && deliveries.size() < max) {
      Message message = messages.next();
      if (message.visibleAt.isAfter(now)) {
        continue;
      }
      if (message.receiveCount >= maxReceives) {
        messages.remove();
        message.receipt = null;
        dead.add(message);
        continue;
      }
      message.receiveCount++;
      message.receipt = UUID.randomUUID().toString();
      message.visibleAt = now.plus(visibilityTimeout);
      deliveries.add(
          new Delivery(message.messageId, message.receipt, message.body, message.receiveCount));
    }
    return deliveries;
  }

  @Override
  public synchronized boolean delete(String receiptHandle) {
    Optional<Message> message = byReceipt(receiptHandle);
    message.ifPresent(m -> waiting.remove(m.messageId));
    return message.isPresent();
  }

  @Override
  public synchronized void fail(String receiptHandle, String reason) {
    byReceipt(receiptHandle).ifPresent(m -> m.lastFailure = reason);
  }

  @Override
  public int maxReceives() {
    return maxReceives;
  }

  @Override
  public synchronized Page<DeadLetter> deadLetters(PageRequest page) {
    String scope = "dead-letters";
    int from =
        page.cursor().isEmpty()
            ? 0
            : indexAfter(Long.parseLong(cursors.decode(scope, page.cursor().get()).get(0)));
    List<Message> rest = dead.subList(from, dead.size());
    List<Message> items = rest.subList(0, Math.min(page.limit(), rest.size()));
    List<DeadLetter> letters =
        items.stream()
            .map(m -> new DeadLetter(m.messageId, m.body, m.receiveCount, m.lastFailure))
            .toList();
    Optional<String> next =
        rest.size() > items.size()
            ? Optional.of(
                cursors.encode(scope, List.of(Long.toString(items.get(items.size() - 1).seq))))
            : Optional.empty();
    return new Page<>(letters, next);
  }

  @Override
  public synchronized QueueDepth depth() {
    Instant now = clock.instant();
    int visible = 0;
    int inFlight = 0;
    for (Message message : waiting.values()) {
      if (message.visibleAt.isAfter(now)) {
        inFlight++;
      } else {
        visible++;
      }
    }
    return new QueueDepth(visible, inFlight, dead.size());
  }

  private int indexAfter(long seq) {
    for (int i = 0; i < dead.size(); i++) {
      if (dead.get(i).seq == seq) {
        return i + 1;
      }
    }
    throw new FleetcheckException(ErrorCode.CURSOR_INVALID, "no such dead letter");
  }

  private Optional<Message> byReceipt(String receiptHandle) {
    return waiting.values().stream()
        .filter(m -> receiptHandle != null && receiptHandle.equals(m.receipt))
        .findFirst();
  }
}
