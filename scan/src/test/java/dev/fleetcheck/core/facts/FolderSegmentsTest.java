package dev.fleetcheck.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FolderSegmentsTest {

  private static final List<String> NAMES = List.of("docs", "scripts");

  @Test
  void looksAtFoldersOnlyAtAnyDepth() {
    assertThat(FolderSegments.anyIn("docs/conf.py", NAMES)).isTrue();
    assertThat(FolderSegments.anyIn("src/app/scripts/run.py", NAMES)).isTrue();
    assertThat(FolderSegments.anyIn("src/docs", NAMES)).isFalse();
    assertThat(FolderSegments.anyIn("src/docs_site/x.py", NAMES)).isFalse();
    assertThat(FolderSegments.anyIn("mydocs/x.py", NAMES)).isFalse();
  }

  @Property(tries = 2000)
  void agreesWithSplittingThePath(@ForAll("paths") String path) {
    String[] parts = path.split("/");
    boolean expected =
        Arrays.stream(parts, 0, Math.max(0, parts.length - 1)).anyMatch(NAMES::contains);

    assertThat(FolderSegments.anyIn(path, NAMES)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("docs", "scripts", "doc", "x", "/", "/", "")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }
}
