package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.core.port.SweepStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a sweep: lists the inventory, stores the sweep with the number of repositories it expects,
 * then sends one job per repository in batches of ten. The sweep record comes first so that
 * progress is readable while jobs are still being sent.
 *
 * <p>When the trigger names a sweep that exists, it resumes it: the jobs of repositories without a
 * DONE entry are sent again. Workers count each repository once, so resending is always safe.
 */
public final class StartSweep {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RepoInventory inventory;
  private final JobQueue queue;
  private final SweepStore store;
  private final Clock clock;
  private final String rulePackDigest;

  public StartSweep(
      RepoInventory inventory,
      JobQueue queue,
      SweepStore store,
      Clock clock,
      String rulePackDigest) {
    this.inventory = inventory;
    this.queue = queue;
    this.store = store;
    this.clock = clock;
    this.rulePackDigest = rulePackDigest;
  }

  /** What the call did: the sweep, whether it resumed an existing one, and jobs sent. */
  public record Started(Sweep sweep, boolean resumed, int jobsSent) {}

  /**
   * Starts or resumes the sweep the trigger names. Keeps nothing between calls: one instance may
   * serve every invocation of a warm handler.
   *
   * @throws FleetcheckException SWEEP_NOT_FOUND when a {@link SweepTrigger.Resume} names no sweep
   */
  public Started call(SweepTrigger trigger) {
    Instant now = clock.instant();
    String id = sweepIdOf(trigger, now);
    if (trigger instanceof SweepTrigger.Resume && store.sweep(id).isEmpty()) {
      throw new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep " + id + " to resume");
    }
    List<RepoRef> repositories = distinctByName(inventory.list());
    Sweep sweep = new Sweep(id, now, repositories.size(), rulePackDigest);
    boolean created = store.createSweep(sweep);
    Sweep stored =
        created
            ? sweep
            : store
                .sweep(id)
                .orElseThrow(
                    () -> new FleetcheckException(ErrorCode.STORE_FAILED, "sweep vanished: " + id));
    List<ScanJob> jobs = new ArrayList<>();
    for (RepoRef repository : repositories) {
      if (!created && alreadyDone(id, repository)) {
        continue;
      }
      jobs.add(ScanJob.forSweep(id, repository, now));
    }
    for (int from = 0; from < jobs.size(); from += JobQueue.MAX_BATCH) {
      queue.sendBatch(jobs.subList(from, Math.min(jobs.size(), from + JobQueue.MAX_BATCH)));
    }
    return new Started(stored, !created, jobs.size());
  }

  private boolean alreadyDone(String id, RepoRef repository) {
    return store
        .sweepEntry(id, repository.name())
        .filter(entry -> entry.state() == SweepEntry.State.DONE)
        .isPresent();
  }

  /** One job per name: a repository listed twice would otherwise be expected twice. */
  private static List<RepoRef> distinctByName(List<RepoRef> listed) {
    Map<String, RepoRef> byName = new LinkedHashMap<>();
    for (RepoRef repository : listed) {
      byName.putIfAbsent(repository.name(), repository);
    }
    return List.copyOf(byName.values());
  }

  static String sweepIdOf(SweepTrigger trigger, Instant now) {
    if (trigger instanceof SweepTrigger.Scheduled scheduled) {
      return "sw-" + ID_TIME.format(scheduled.scheduledTime());
    }
    if (trigger instanceof SweepTrigger.Named named) {
      return named.sweepId();
    }
    if (trigger instanceof SweepTrigger.Resume resume) {
      return resume.sweepId();
    }
    return newSweepId(now);
  }

  /** Sortable by start time; the random tail keeps two sweeps in one second apart. */
  static String newSweepId(Instant now) {
    byte[] tail = new byte[3];
    RANDOM.nextBytes(tail);
    return "sw-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(tail);
  }
}
