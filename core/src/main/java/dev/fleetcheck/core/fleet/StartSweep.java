package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.JobQueue;
import dev.fleetcheck.core.port.RepoInventory;
import dev.fleetcheck.core.port.ResultStore;
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
import java.util.Optional;

/**
 * Starts a sweep: lists the inventory, stores the sweep with the number of repositories it expects,
 * then sends one job per repository in batches of ten. The sweep record comes first so that
 * progress is readable while jobs are still being sent.
 *
 * <p>Given the ID of a sweep that exists, it resumes it: the jobs of repositories without a DONE
 * entry are sent again. Workers count each repository once, so resending is always safe.
 */
public final class StartSweep {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RepoInventory inventory;
  private final JobQueue queue;
  private final ResultStore store;
  private final Clock clock;
  private final String rulePackDigest;
  private Optional<String> sweepId = Optional.empty();

  public StartSweep(
      RepoInventory inventory,
      JobQueue queue,
      ResultStore store,
      Clock clock,
      String rulePackDigest) {
    this.inventory = inventory;
    this.queue = queue;
    this.store = store;
    this.clock = clock;
    this.rulePackDigest = rulePackDigest;
  }

  /** Uses this sweep ID; an existing sweep with this ID is resumed. */
  public StartSweep sweepId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "invalid sweep id");
    }
    this.sweepId = Optional.of(id);
    return this;
  }

  /** What the call did: the sweep, whether it resumed an existing one, and jobs sent. */
  public record Started(Sweep sweep, boolean resumed, int jobsSent) {}

  public Started call() {
    Instant now = clock.instant();
    List<RepoRef> repositories = distinctByName(inventory.list());
    String id = sweepId.orElseGet(() -> newSweepId(now));
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

  /** Sortable by start time; the random tail keeps two sweeps in one second apart. */
  static String newSweepId(Instant now) {
    byte[] tail = new byte[3];
    RANDOM.nextBytes(tail);
    return "sw-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(tail);
  }
}
