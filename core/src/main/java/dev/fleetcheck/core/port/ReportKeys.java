package dev.fleetcheck.core.port;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.regex.Pattern;

/**
 * The one rule for report keys, whatever stores them: a relative path of segments made of letters,
 * digits, '.', '_' and '-', none empty, none starting with a dot, at most 512 characters. Such a
 * key names the same object in a folder and a bucket and can never leave either.
 */
public final class ReportKeys {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final int MAX_KEY_LENGTH = 512;

  private ReportKeys() {}

  /**
   * The key itself when it follows the rule.
   *
   * @throws FleetcheckException INVALID_ARGUMENT otherwise
   */
  public static String requireValid(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw invalid();
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw invalid();
      }
    }
    return key;
  }

  private static FleetcheckException invalid() {
    return new FleetcheckException(
        ErrorCode.INVALID_ARGUMENT,
        "a report key is a relative path of letters, digits, '.', '_' and '-'");
  }

  /**
   * The media type a report download announces, from its key's extension (S3 objects, {@code
   * fleetcheck serve}'s download links).
   */
  public static String mediaType(String key) {
    if (key.endsWith(".sarif")) {
      return "application/sarif+json";
    }
    if (key.endsWith(".json")) {
      return "application/json";
    }
    if (key.endsWith(".csv")) {
      return "text/csv";
    }
    if (key.endsWith(".html")) {
      return "text/html";
    }
    if (key.endsWith(".md")) {
      return "text/markdown";
    }
    return "application/octet-stream";
  }
}
