package dev.fleetcheck.core.report;

import dev.fleetcheck.core.model.ScanReport;

/**
 * Turns a scan report into one output format. Every renderer reads title, level and remediation
 * from the report's {@link dev.fleetcheck.core.model.RuleMeta}, so all formats say the same thing.
 * Output is deterministic: the same report always renders to the same text.
 */
public interface ReportRenderer {

  String render(ScanReport report);
}
