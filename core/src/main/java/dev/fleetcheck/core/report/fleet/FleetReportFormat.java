package dev.fleetcheck.core.report.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of {@code fleetcheck report --format}, each with its renderer. */
public enum FleetReportFormat {
  HTML(new FleetHtmlReport(), "html"),
  CSV(new FleetCsvExport(), "csv"),
  JSON(new FleetJsonExport(), "json"),
  SARIF(new FleetSarifExport(), "sarif");

  private final FleetRenderer renderer;
  private final String extension;

  FleetReportFormat(FleetRenderer renderer, String extension) {
    this.renderer = renderer;
    this.extension = extension;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  public String render(FleetReportData data) {
    return renderer.render(data);
  }

  /**
   * The format named {@code id} (html, csv, json, sarif), case-insensitive.
   *
   * @throws FleetcheckException INVALID_ARGUMENT for any other name
   */
  public static FleetReportFormat fromId(String id) {
    for (FleetReportFormat format : values()) {
      if (format.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return format;
      }
    }
    throw new FleetcheckException(
        ErrorCode.INVALID_ARGUMENT,
        "unknown report format; use one of "
            + Arrays.stream(values()).map(FleetReportFormat::id).collect(Collectors.joining(", ")));
  }
}
