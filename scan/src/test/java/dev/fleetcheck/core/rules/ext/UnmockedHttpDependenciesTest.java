package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnmockedHttpDependenciesTest {

  @TempDir Path dir;
  private final UnmockedHttpDependencies rule = new UnmockedHttpDependencies();

  @Test
  void outboundHttpWithoutAnyHttpMockFails() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir), Profile.CLI)))
        .containsExactly("app/core.py:4: requests.get(...) calls HTTP but no test mocks HTTP");
  }

  @Test
  void anHttpMockFixtureOrImportStaysManualAndNoHttpIsNotApplicable() {
    assertNoEvidentViolation(
        check(rule, TestIsolationFixtures.isolated(dir.resolve("i")), Profile.API));
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p")), Profile.CLI).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
