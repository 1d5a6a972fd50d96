package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.Causes;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.FirstSeen;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.RepositoryRef;
import dev.fleetcheck.core.model.ScanJob;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.ScannedRepo;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.port.FailureLog;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoScanner;
import dev.fleetcheck.core.port.ReportCodec;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one scan job: fetch, scan, write the full report, then the scan record that points to it,
 * then count the repository in its sweep.
 *
 * <p>A stored scan is reused while it is still true (same commit and rule-pack identity, no waiver
 * it applied expired since); the remote's head is asked first, so an unchanged repository is not
 * cloned. A scan that runs out of its time bound (the scanner's) is recorded as scan_timeout.
 *
 * <p>Safe under at-least-once delivery and crashes: a scan is keyed by (repository, commit,
 * rule-pack digest); its report is stored under a key derived from the scan ID, so a retry or a
 * concurrent duplicate overwrites the same object instead of leaving an orphan; the record is a
 * conditional put; and the sweep counts each repository once. Readers never meet a record whose
 * report is missing, because the report is written first. Keeps no state between calls.
 *
 * <p>Failures are of two kinds. A repository's own (clone, scan) is recorded on its scan and sweep
 * entry, and the sweep goes on. The worker's own storage failing (report folder, database: a read
 * only folder, a full disk) says nothing about the repository: the job ends {@link
 * JobResult.Halted}, nothing is recorded for the repository, and the consumer stops.
 */
public final class ScanRepository {

  /**
   * Errors that no retry can cure: recorded at once and the message deleted. A scan that ran out of
   * time would run out again on the same commit.
   */
  private static final Set<ErrorCode> PERMANENT =
      EnumSet.of(
          ErrorCode.SCAN_TIMEOUT,
          ErrorCode.INVALID_REPO_URL,
          ErrorCode.REPO_NOT_FOUND,
          ErrorCode.REPO_TOO_LARGE,
          ErrorCode.CLONE_AUTH_FAILED,
          ErrorCode.NO_PYTHON_PROJECT,
          ErrorCode.SWEEP_NOT_FOUND);

  private final RepoFetcher fetcher;
  private final RepoScanner scanner;
  private final ReportCodec codec;
  private final ReportStore reports;
  private final ResultStore results;
  private final Clock clock;
  private final FailedScans failedScans;
  private final FailureLog log;

  public ScanRepository(
      RepoFetcher fetcher,
      RepoScanner scanner,
      ReportCodec codec,
      ReportStore reports,
      ResultStore results,
      Clock clock,
      FailureLog log) {
    this.fetcher = fetcher;
    this.scanner = scanner;
    this.codec = codec;
    this.reports = reports;
    this.results = results;
    this.clock = clock;
    this.failedScans = new FailedScans(results, results, clock);
    this.log = log;
  }

  /** Where the full report of a scan is stored: one key per scan, so a retry overwrites it. */
  public static String reportKey(String scanId) {
    return "scans/" + scanId + "/report";
  }

  public JobResult call(ScanJob job, Attempt attempt) {
    try {
      if (job.inSweep()) {
        stored(() -> results.sweep(job.sweepId()))
            .orElseThrow(
                () ->
                    new FleetcheckException(
                        ErrorCode.SWEEP_NOT_FOUND, "no sweep " + job.sweepId() + " for this job"));
        Optional<SweepEntry> entry =
            stored(() -> results.sweepEntry(job.sweepId(), job.repository().name()));
        if (entry.isPresent() && entry.get().state() == SweepEntry.State.DONE) {
          return new JobResult.Completed(entry.get().scanId(), false, false);
        }
      }
      Stored stored = scanUnlessStillTrue(job);
      boolean counted =
          job.inSweep()
              && stored(
                  () ->
                      results.recordSweepEntry(
                          SweepEntry.done(
                              job.sweepId(),
                              job.repository().name(),
                              stored.scanId(),
                              clock.instant())));
      return new JobResult.Completed(stored.scanId(), stored.scanned(), counted);
    } catch (LocalStorageFailure e) {
      return new JobResult.Halted(e.errorCode(), e.getMessage());
    } catch (FleetcheckException e) {
      return failed(job, attempt, e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      return failed(job, attempt, ErrorCode.SCAN_FAILED, "scan failed: " + Causes.describe(e));
    }
  }

  /** The scan the job ends with, and whether this call made it. */
  private record Stored(String scanId, boolean scanned) {}

  /**
   * Reuses the stored scan of the remote's head commit while it is still true, asked of the remote
   * before any clone; otherwise fetches, and scans unless the fetched commit (which may have moved
   * since) has a still-true scan.
   */
  private Stored scanUnlessStillTrue(ScanJob job) {
    String repository = job.repository().name();
    String pack = scanner.rulePackDigest();
    Optional<String> head = fetcher.resolveHead(job.repository());
    if (head.isPresent()
        && stored(() -> StoredScans.find(results, repository, head.get(), pack, clock.instant()))
            instanceof StoredScans.StillTrue known) {
      return new Stored(known.scan().scanId(), false);
    }
    try (FetchedRepo fetched = fetcher.fetch(job.repository())) {
      StoredScans.Lookup lookup =
          stored(
              () -> StoredScans.find(results, repository, fetched.commit(), pack, clock.instant()));
      if (lookup instanceof StoredScans.StillTrue known) {
        return new Stored(known.scan().scanId(), false);
      }
      String scanId = ((StoredScans.ScanNeeded) lookup).scanId();
      scanAndStore(job, fetched, scanId);
      return new Stored(scanId, true);
    }
  }

  private void scanAndStore(ScanJob job, FetchedRepo fetched, String scanId) {
    RepoRef repository = job.repository();
    ScannedRepo scanned =
        scanner.scan(
            fetched.directory(),
            new RepositoryRef(repository.name(), repository.url(), fetched.commit()));
    ScanReport report = scanned.report();
    if (!report.pythonProject()) {
      // Recorded with its own code, never as a compliant repository scoring 100.
      throw new FleetcheckException(
          ErrorCode.NO_PYTHON_PROJECT,
          "no Python project in " + repository.name() + ": every rule is NOT_APPLICABLE");
    }
    String team =
        repository.team().isEmpty() ? scanned.codeOwnersTeam().orElse("") : repository.team();
    Map<String, FirstSeen> firstSeen =
        stored(
            () ->
                results.recordFirstSeen(
                    repository.name(),
                    FailingRules.fingerprints(report),
                    new FirstSeen(report.scannedAt(), scanId)));
    List<FailingRule> failing = FailingRules.of(report, firstSeen);
    String reportKey = reportKey(scanId);
    byte[] encoded = codec.encode(report);
    stored(
        () -> {
          reports.put(reportKey, encoded);
          return null;
        });
    ScanRecord record =
        new ScanRecord(
            scanId,
            repository.name(),
            team,
            repository.url(),
            fetched.commit(),
            report.rulePackDigest(),
            job.sweepId(),
            report.scannedAt(),
            new ScanOutcome.Succeeded(
                report.score().value(),
                report.counts(),
                failing.stream().map(FailingRule::ruleId).toList(),
                reportKey,
                report.validUntil()));
    // False when a concurrent delivery stored this scan first: its record points at the same key.
    stored(() -> results.putScan(record, failing));
  }

  /** Runs a call on the worker's own storage, marking its failure as local, not the repo's. */
  private static <T> T stored(Supplier<T> call) {
    try {
      return call.get();
    } catch (FleetcheckException e) {
      throw new LocalStorageFailure(e.errorCode(), e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LocalStorageFailure(
          ErrorCode.STORE_FAILED, "local storage failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /** A failure of the worker's report folder or database, never of the repository scanned. */
  private static final class LocalStorageFailure extends FleetcheckException {
    LocalStorageFailure(ErrorCode code, String message, Throwable cause) {
      super(code, message, cause);
    }
  }

  private JobResult failed(ScanJob job, Attempt attempt, ErrorCode code, String message) {
    String safeMessage = message == null ? code.code() : Causes.redact(message);
    boolean permanent = PERMANENT.contains(code);
    log.failure(
        "scan.failed",
        code,
        safeMessage,
        Map.of(
            "job_id", job.jobId(),
            "sweep_id", job.sweepId(),
            "repository", job.repository().name(),
            "receive", Integer.toString(attempt.receiveCount())));
    if (!permanent && !attempt.last()) {
      return new JobResult.Failed(code, safeMessage, true, false);
    }
    boolean recorded = recordFailure(job, code, safeMessage);
    return new JobResult.Failed(code, safeMessage, !permanent || !recorded, recorded);
  }

  private boolean recordFailure(ScanJob job, ErrorCode code, String message) {
    if (code == ErrorCode.SWEEP_NOT_FOUND) {
      return true;
    }
    try {
      failedScans.record(job, code, message, scanner.rulePackDigest());
      return true;
    } catch (FleetcheckException e) {
      log.failure(
          "scan.failure_not_recorded",
          e.errorCode(),
          Causes.describe(e),
          Map.of("job_id", job.jobId(), "repository", job.repository().name()));
      return false;
    }
  }
}
