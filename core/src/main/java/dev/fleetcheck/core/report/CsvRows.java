package dev.fleetcheck.core.report;

import java.util.List;

/**
 * RFC 4180 rows (CRLF line ends) whose cells are safe to open in a spreadsheet: a cell starting
 * with {@code = + - @}, a tab or a carriage return gets a leading {@code '} so it is never read as
 * a formula. Shared by every CSV export so they quote alike.
 */
public final class CsvRows {

  private static final String FORMULA_START = "=+-@\t\r";

  private CsvRows() {}

  public static void append(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  /** One field, defused against formula injection and quoted when RFC 4180 requires it. */
  public static String cell(String raw) {
    String value = !raw.isEmpty() && FORMULA_START.indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || value.startsWith(" ")
            || value.endsWith(" ");
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
