package dev.fleetcheck.core.rules.ai;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvalidDeviationRecordsTest {

  @TempDir Path dir;
  private final InvalidDeviationRecords rule = new InvalidDeviationRecords();

  @Test
  void waiversWithoutExpiryOrRationaleFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "docs/adr/0001-no-tests.md", "# No tests\n\nWaives: PY-TST-001\n\nJust because.\n")
            .file("docs/adr/0002-no-lint.md", "# No lint\n\nWaives: PY-LCL-011\nExpires: soon\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .hasSize(2)
        .anySatisfy(f -> assertThat(f).startsWith("docs/adr/0001-no-tests.md:3: invalid waiver"))
        .anySatisfy(f -> assertThat(f).startsWith("docs/adr/0002-no-lint.md:3: invalid waiver"));
  }

  @Test
  void validWaiversStayManualAndNoWaiverIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "docs/adr/0001-no-tests.md",
                "# No tests\n\nWaives: PY-TST-001\nExpires: 2027-01-31\n\n## Rationale\n\nA"
                    + " prototype that is deleted in January.\n")
            .build();
    assertNoEvidentViolation(check(rule, repo));

    Path none =
        FixtureRepo.in(dir.resolve("n"))
            .python()
            .file("docs/adr/0001-use-uv.md", "# Use uv\n\nWe use uv.\n")
            .build();
    assertThat(check(rule, none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
