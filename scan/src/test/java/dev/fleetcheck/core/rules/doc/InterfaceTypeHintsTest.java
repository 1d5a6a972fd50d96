package dev.fleetcheck.core.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.ScanReport;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RulePack;
import dev.fleetcheck.core.rules.code.TypeHintCoverage;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceTypeHintsTest {

  @TempDir Path dir;

  private Path unannotated() {
    return FixtureRepo.in(dir)
        .python()
        .file(
            "pkg/mod.py",
            "from typing import List\n\n\ndef names(items: List[str]) -> list[str]:\n"
                + "    return items\n\n\ndef fetch(url):\n    return url\n\n\n"
                + "def parse(text, strict=False):\n    return text\n")
        .build();
  }

  @Test
  void givesWayToPyCode008WithTheHomesStatus() {
    Outcome outcome = FixtureRepo.check(new InterfaceTypeHints(), unannotated());

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.evidence().get(0).message())
        .isEqualTo(
            "same obligation as PY-CODE-008: type hints of public interfaces are judged and"
                + " scored there (FAIL, 2 function(s) listed)");
  }

  @Test
  void oneMissingAnnotationLowersTheScoreOnce() {
    Path repo = unannotated();
    ScanReport home =
        FixtureRepo.scan(RulePack.of(List.of(new TypeHintCoverage())), repo, id -> true);
    ScanReport both =
        FixtureRepo.scan(
            RulePack.of(List.of(new TypeHintCoverage(), new InterfaceTypeHints())),
            repo,
            id -> true);

    assertThat(both.score()).isEqualTo(home.score());
    assertThat(home.score().possibleWeight()).isPositive();
  }
}
