package dev.fleetcheck.core.facts;

import java.util.List;

/**
 * Whether a repository path lies in a folder of a given name at any depth, without splitting the
 * path into new strings: facts ask this of every file in the tree.
 */
public final class FolderSegments {

  private FolderSegments() {}

  /**
   * Whether any folder segment of {@code path} (every segment but the last, as {@code
   * path.split("/")} cuts it, trailing slashes dropped) equals one of {@code names}.
   */
  public static boolean anyIn(String path, List<String> names) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    int start = 0;
    for (int slash = path.indexOf('/', start);
        slash >= 0 && slash < end;
        slash = path.indexOf('/', start)) {
      int length = slash - start;
      for (String name : names) {
        if (name.length() == length && path.startsWith(name, start)) {
          return true;
        }
      }
      start = slash + 1;
    }
    return false;
  }
}
