package dev.fleetcheck.core.report.fleet;

import java.util.function.Supplier;

/**
 * The rows of one growing page section: rows are kept, in the order offered, while they fit the
 * section's row and byte limits; from the first that does not fit on, rows are only counted, so
 * what is shown is always a prefix of the order and "N more" means the rest of it.
 */
final class BoundedRows {

  private final int maxRows;
  private final long maxBytes;
  private final StringBuilder rows = new StringBuilder();
  private long bytes;
  private int shown;
  private int hidden;

  BoundedRows(int maxRows, long maxBytes) {
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
  }

  /** Keeps the row if it still fits; a row offered after the section is full is never built. */
  boolean offer(Supplier<String> row) {
    if (hidden > 0 || shown >= maxRows) {
      hidden++;
      return false;
    }
    String text = row.get();
    long size = utf8Length(text);
    if (bytes + size > maxBytes) {
      hidden++;
      return false;
    }
    rows.append(text);
    bytes += size;
    shown++;
    return true;
  }

  String rows() {
    return rows.toString();
  }

  int shown() {
    return shown;
  }

  int hidden() {
    return hidden;
  }

  /** UTF-8 length without encoding: what the page will weigh on disk. */
  static long utf8Length(CharSequence text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
