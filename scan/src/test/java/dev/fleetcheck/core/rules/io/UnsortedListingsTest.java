package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsortedListingsTest {

  @TempDir Path dir;

  @Test
  void unsortedListingsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os, glob
                from pathlib import Path
                def names(d):
                    for name in os.listdir(d):
                        print(name)
                    rows = [p.name for p in Path(d).glob("*.csv")]
                    return glob.glob(d + "/*")
                def walk(d):
                    for root, dirs, files in os.walk(d):
                        yield root
                """)
            .build();

    assertThat(findings(check(new UnsortedListings(), repo)))
        .containsExactly(
            "pkg/walk.py:4: os.listdir(...) is used in file-system order: sort it",
            "pkg/walk.py:6: Path().glob(...) is used in file-system order: sort it",
            "pkg/walk.py:7: glob.glob(...) is used in file-system order: sort it",
            "pkg/walk.py:9: os.walk(...) is used in file-system order: sort it");
  }

  @Test
  void sortedOrderFreeAndMembershipListingsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os
                from pathlib import Path
                def names(d):
                    for name in sorted(os.listdir(d)):
                        print(name)
                    if "x" in os.listdir(d):
                        pass
                    n = len([p for p in Path(d).iterdir()])
                    ok = any(p.suffix == ".py" for p in Path(d).rglob("*"))
                    files = os.listdir(d)
                    files.sort()
                    s = "for f in os.listdir(d)"
                    for root, dirs, fs in os.walk(d):
                        dirs.sort()
                """)
            .build();

    assertNoEvidentViolation(check(new UnsortedListings(), repo));
  }
}
