package dev.fleetcheck.core.rules.tst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GoldenFilesTest {

  /** The definition the in-place reading replaces: the lower-cased path, slash-prefixed. */
  private static boolean byLowerCasedPath(String path) {
    String lower = "/" + path.toLowerCase(Locale.ROOT);
    return lower.contains("/__snapshots__/")
        || lower.contains("/snapshots/")
        || lower.contains("/golden/")
        || lower.contains("/goldens/");
  }

  @Test
  void aGoldenFolderIsAnyFolderOfThePathInAnyCase() {
    assertThat(GoldenFiles.inGoldenFolder("tests/__snapshots__/test_api.ambr")).isTrue();
    assertThat(GoldenFiles.inGoldenFolder("Snapshots/a.json")).isTrue();
    assertThat(GoldenFiles.inGoldenFolder("tests/GOLDEN/out.txt")).isTrue();
    assertThat(GoldenFiles.inGoldenFolder("a/b/goldens/c/d.txt")).isTrue();

    assertThat(GoldenFiles.inGoldenFolder("tests/golden")).isFalse();
    assertThat(GoldenFiles.inGoldenFolder("tests/golden_files/x.txt")).isFalse();
    assertThat(GoldenFiles.inGoldenFolder("tests/my_snapshots/x.txt")).isFalse();
    assertThat(GoldenFiles.inGoldenFolder("snapshots.txt")).isFalse();
  }

  @Test
  void agreesWithTheLowerCasedPathOnOddNames() {
    List<String> paths =
        List.of(
            "golden/x",
            "/golden/x",
            "x//golden//y",
            "gold\u0130n/x",
            "\u212Aolden/x",
            "tests/SNAPSHOTS/",
            "__SNAPSHOTS__/a",
            "a/__snapshots_/b",
            "goldens",
            "a/goldens/",
            "caf\u00e9/golden/x",
            "");
    for (String path : paths) {
      assertThat(GoldenFiles.inGoldenFolder(path)).as(path).isEqualTo(byLowerCasedPath(path));
    }
  }
}
