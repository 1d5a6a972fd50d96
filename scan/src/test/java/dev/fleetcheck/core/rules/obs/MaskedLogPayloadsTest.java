package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.sec.LoggedSecrets;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskedLogPayloadsTest {

  @TempDir Path dir;

  @Test
  void givesWayToTheHomeWithoutScoringTwice() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/views.py",
                """
                import logging
                log = logging.getLogger(__name__)

                def view(request):
                    log.info("incoming %s", request.headers)
                    log.error("bad auth header %s", request.META)
                    log.info("secret=%s", settings.CLIENT_SECRET)
                """)
            .build();

    Outcome outcome = check(new MaskedLogPayloads(), repo, Profile.API);

    assertThat(outcome.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(outcome.toString())
        .contains("same obligation as PY-SEC-051")
        .contains("FAIL, 3 finding(s)");
    assertThat(check(new LoggedSecrets(), repo, Profile.API).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void withoutAnApiOrLambdaCodeBaseItIsNotApplicableAsItsHome() {
    Path repo = FixtureRepo.in(dir).file("README.md", "# docs only\n").build();

    assertThat(check(new MaskedLogPayloads(), repo, Profile.API))
        .isEqualTo(check(new LoggedSecrets(), repo, Profile.API));
  }
}
