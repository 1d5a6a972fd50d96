package dev.fleetcheck.core.snapshot;

/**
 * One regular file of a snapshot. {@code path} is repository-relative with forward slashes. {@code
 * contentReadable} is false when the file is over the content size limit: rules still see that it
 * exists, but not what it holds.
 */
public record SourceFile(
    String path, long size, boolean binary, boolean testCode, boolean contentReadable) {

  /** The last path segment. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The folder part without a trailing slash, empty at the root. */
  public String parent() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public boolean isPython() {
    return path.endsWith(".py");
  }

  /**
   * A README (in any folder) or a file under the top-level docs/ folder, in any case: the pages the
   * documentation checks read as text, which the snapshot keeps from their first read.
   */
  public boolean isDocumentation() {
    int start = path.lastIndexOf('/') + 1;
    return path.regionMatches(true, 0, "docs/", 0, 5)
        || path.regionMatches(true, start, "readme", 0, 6);
  }
}
