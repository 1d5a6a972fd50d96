package dev.fleetcheck.core.rules.pkg;

import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.ctr.MixedApiVersioning;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiVersionSchemeTest {

  @TempDir Path dir;

  @Test
  void takesPyCtr013sOutcomeWithoutScoringItAgain() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/app.py",
                """
                from fastapi import FastAPI
                app = FastAPI()
                @app.get("/v1/items")
                def items(): ...
                @app.get("/orders")
                def orders(): ...
                """)
            .build();

    Outcome home = check(new MixedApiVersioning(), repo, Profile.API);
    Outcome shown = check(new ApiVersionScheme(), repo, Profile.API);
    assertThat(shown.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(shown.toString())
        .contains("same obligation as PY-CTR-013")
        .contains(home.status().name());
  }
}
