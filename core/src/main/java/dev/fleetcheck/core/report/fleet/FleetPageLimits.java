package dev.fleetcheck.core.report.fleet;

/**
 * How much of a fleet the HTML page shows, so that its size does not follow the fleet's: every
 * table that grows with the fleet keeps at most {@code tableRows} rows and {@code sectionBytes}
 * bytes (UTF-8) of rows, then says how many more there are and where to find them (the CSV and JSON
 * exports list everything).
 *
 * @param tableRows rows of a table that grows with the fleet (failed scans, teams, rules)
 * @param detailRepositories repositories given a detail block, lowest scores first
 * @param findingsPerRule findings listed under each failing rule of a detail block
 * @param examplesPerRule repositories named beside a rule that started failing
 * @param sectionBytes bytes of rows each growing section may hold
 * @param textChars characters of any one value from the stores (names, messages) before clipping
 */
public record FleetPageLimits(
    int tableRows,
    int detailRepositories,
    int findingsPerRule,
    int examplesPerRule,
    int sectionBytes,
    int textChars) {

  /** The limits of {@code fleetcheck report --format html}. */
  public static final FleetPageLimits STANDARD = new FleetPageLimits(500, 50, 5, 5, 300_000, 300);

  /**
   * The size in bytes a page rendered with {@link #STANDARD} never exceeds, whatever the fleet:
   * five growing sections of at most 300,000 bytes each, plus fixed parts well under 100,000.
   */
  public static final int STANDARD_CAP_BYTES = 2_000_000;

  public FleetPageLimits {
    if (tableRows < 1
        || detailRepositories < 0
        || findingsPerRule < 0
        || examplesPerRule < 0
        || sectionBytes < 1
        || textChars < 16) {
      throw new IllegalArgumentException("page limits out of range");
    }
  }

  /**
   * No limit at all: every repository, finding and team, as the page was before it was bounded. For
   * measuring what the limits save (make bench), not for handing to anyone.
   */
  public static FleetPageLimits unbounded() {
    return new FleetPageLimits(
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }
}
