package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;

/** Repositories that keep a change record, each in its own way. */
final class ChangeRecordFixtures {

  private ChangeRecordFixtures() {}

  static List<Path> recorded(Path dir) {
    return List.of(
        FixtureRepo.in(dir.resolve("a")).python().file("CHANGELOG.md", "# 1.0\n").build(),
        FixtureRepo.in(dir.resolve("b")).python().file("changelog.d/12.feature.md", "x\n").build(),
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("pyproject.toml", "[project]\nname = 'x'\n\n[tool.towncrier]\ndirectory = 'n'\n")
            .build(),
        FixtureRepo.in(dir.resolve("d"))
            .python()
            .file(
                ".github/workflows/release.yml",
                "jobs:\n  r:\n    steps:\n      - uses: googleapis/release-please-action@v4\n")
            .build());
  }
}
