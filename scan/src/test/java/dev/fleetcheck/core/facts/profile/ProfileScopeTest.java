package dev.fleetcheck.core.facts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileScopeTest {

  private final ProfileScope scope = new ProfileScope(List.of("", "packages/a/"));

  @ParameterizedTest
  @CsvSource({
    "scripts/release.py, true",
    "docs/conf.py, true",
    "examples/app/main.py, true",
    "benchmarks/run.py, true",
    "packages/a/docs/conf.py, true",
    "pkg/scripts/options.py, false",
    "src/pkg/docs/render.py, false",
    "packages/b/scripts/x.py, false",
    "scripts.py, false",
    "docsite/conf.py, false",
    "packages/a/src/a/examples/x.py, false"
  })
  void excludedFoldersAreTheTopLevelOnesOfEachConfigRoot(String path, boolean excluded) {
    assertThat(scope.inExcludedFolder(path)).isEqualTo(excluded);
  }
}
