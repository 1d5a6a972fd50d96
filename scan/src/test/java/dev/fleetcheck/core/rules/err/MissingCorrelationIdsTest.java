package dev.fleetcheck.core.rules.err;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingCorrelationIdsTest {

  @TempDir Path dir;

  @Test
  void correlationIdAbsentFailsPresentStaysManual() {
    Path absent =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("api/app.py", "# correlation_id only in a comment\nx = 'the correlation_id'\n")
            .file("tests/test_app.py", "body = {'correlation_id': 'c'}\n")
            .build();
    assertThat(findings(check(new MissingCorrelationIds(), absent, Profile.API)))
        .containsExactly(
            "no correlation_id field anywhere in API code or OpenAPI files: error bodies lack it");

    Path present =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "api/errors.py", "def body(request):\n    return {'correlationId': request.cid}\n")
            .build();
    assertNoEvidentViolation(check(new MissingCorrelationIds(), present, Profile.API));
    assertThat(
            check(
                    new MissingCorrelationIds(),
                    FixtureRepo.in(dir.resolve("c")).python().build(),
                    Profile.API)
                .status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
