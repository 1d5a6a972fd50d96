package dev.fleetcheck.core.rules.detect;

import java.util.Set;

/**
 * Folders that hold copies of other projects ({@code thirdparty/}, {@code third_party/}, {@code
 * vendor/}, {@code _vendor/}, {@code vendored/}, {@code extern/}): their code is the copied
 * library's, not the repository's own to restructure.
 */
public final class VendoredCode {

  private static final Set<String> FOLDERS =
      Set.of("thirdparty", "third_party", "vendor", "_vendor", "vendored", "extern");

  private VendoredCode() {}

  /** Whether a folder on {@code path} (the file name aside) is a vendored-code folder. */
  public static boolean in(String path) {
    int start = 0;
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
      if (FOLDERS.contains(path.substring(start, slash))) {
        return true;
      }
      start = slash + 1;
    }
    return false;
  }
}
