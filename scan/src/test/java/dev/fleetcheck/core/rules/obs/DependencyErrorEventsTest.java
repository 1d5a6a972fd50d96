package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static dev.fleetcheck.core.rules.obs.ObsFixtures.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyErrorEventsTest {

  @TempDir Path dir;

  @Test
  void dependencyCallsWithoutTheErrorEventFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/client.py", CLIENT)
            .file("tests/test_client.py", "log.info('dependency.call')\n")
            .build();

    assertThat(findings(check(new DependencyErrorEvents(), repo, Profile.LAMBDA)))
        .containsExactly(
            "app/client.py:8: http.get(...) calls a dependency, and the event dependency.error"
                + " occurs nowhere in product code");
  }

  @Test
  void eventsEmittedDirectlyOrThroughAConstantStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                """
                import boto3, logging
                log = logging.getLogger(__name__)
                FAILED = "dependency.error"
                s3 = boto3.client("s3")

                def put(key):
                    log.info("dependency.call", dependency="s3", operation="put")
                    try:
                        s3.put_object(Key=key)
                    except Exception:
                        log.error(FAILED, error_class="ClientError")
                        raise
                """)
            .build();

    assertNoEvidentViolation(check(new DependencyErrorEvents(), repo, Profile.API));
  }

  @Test
  void withoutDependencyCallsOrProductCodeTheRulesDoNotApply() {
    Path local =
        FixtureRepo.in(dir.resolve("local"))
            .python()
            .file("app/db.py", "import sqlite3\nconn = sqlite3.connect('x.db')\n")
            .file("examples/demo.py", "import requests\nrequests.get('https://x.org')\n")
            .build();
    Path empty = FixtureRepo.in(dir.resolve("empty")).python().build();

    assertThat(check(new DependencyErrorEvents(), empty, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    assertThat(check(new DependencyErrorEvents(), local, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
