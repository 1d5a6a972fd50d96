package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.FailingRule;
import dev.fleetcheck.core.model.LatestFilter;
import dev.fleetcheck.core.model.RuleFailure;
import dev.fleetcheck.core.model.ScanOutcome;
import dev.fleetcheck.core.model.ScanRecord;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Sweep;
import dev.fleetcheck.core.model.SweepEntry;
import dev.fleetcheck.core.model.SweepProgress;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageRequest;
import dev.fleetcheck.core.port.ReportCodec;
import dev.fleetcheck.core.port.ReportStore;
import dev.fleetcheck.core.port.ResultStore;
import java.util.List;
import java.util.Optional;

/** The read side the API and the CLI share; every query is one key lookup or ordered range. */
public final class FleetQueries {

  private final ResultStore results;
  private final ReportStore reports;
  private final ReportCodec codec;

  public FleetQueries(ResultStore results, ReportStore reports, ReportCodec codec) {
    this.results = results;
    this.reports = reports;
    this.codec = codec;
  }

  /** A scan's summary with its failing rules and their findings. */
  public record ScanDetails(ScanRecord scan, List<FailingRule> failingRules) {}

  public Optional<ScanDetails> scan(String scanId) {
    return results.scan(scanId).map(s -> new ScanDetails(s, results.failingRules(scanId)));
  }

  /**
   * The full report of a succeeded scan.
   *
   * @throws FleetcheckException REPORT_NOT_FOUND when the scan has no report
   */
  public ScanReport report(String scanId) {
    ScanRecord scan =
        results
            .scan(scanId)
            .orElseThrow(
                () -> new FleetcheckException(ErrorCode.REPORT_NOT_FOUND, "no scan " + scanId));
    if (!(scan.outcome() instanceof ScanOutcome.Succeeded succeeded)) {
      throw new FleetcheckException(
          ErrorCode.REPORT_NOT_FOUND, "scan " + scanId + " failed and has no report");
    }
    byte[] bytes =
        reports
            .get(succeeded.reportKey())
            .orElseThrow(
                () ->
                    new FleetcheckException(
                        ErrorCode.REPORT_NOT_FOUND,
                        "the report of scan " + scanId + " is missing"));
    return codec.decode(bytes);
  }

  public Page<ScanRecord> latest(LatestFilter filter, PageRequest page) {
    return results.latest(filter, page);
  }

  public Page<ScanRecord> history(String repository, PageRequest page) {
    return results.history(repository, page);
  }

  public SweepProgress progress(String sweepId) {
    return results.progress(sweepId);
  }

  public Optional<Sweep> latestSweep() {
    return results.sweeps(PageRequest.first(1)).items().stream().findFirst();
  }

  public Page<SweepEntry> failedEntries(String sweepId, PageRequest page) {
    return results.failedEntries(sweepId, page);
  }

  /** Every repository failing {@code ruleId} in the given sweep. */
  public Page<RuleFailure> failing(String sweepId, String ruleId, PageRequest page) {
    return results.ruleFailures(sweepId, Optional.of(ruleId), page);
  }

  /**
   * Every repository failing {@code ruleId} in the latest sweep.
   *
   * @throws FleetcheckException SWEEP_NOT_FOUND when there has been no sweep
   */
  public Page<RuleFailure> failingInLatestSweep(String ruleId, PageRequest page) {
    Sweep sweep =
        latestSweep()
            .orElseThrow(
                () -> new FleetcheckException(ErrorCode.SWEEP_NOT_FOUND, "no sweep has run yet"));
    return failing(sweep.sweepId(), ruleId, page);
  }
}
