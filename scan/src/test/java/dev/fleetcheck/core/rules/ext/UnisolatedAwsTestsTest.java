package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnisolatedAwsTestsTest {

  @TempDir Path dir;
  private final UnisolatedAwsTests rule = new UnisolatedAwsTests();

  @Test
  void awsClientsInUnitTestsWithoutIsolationFail() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir))))
        .containsExactly(
            "tests/test_core.py:5: boto3.client(...) in a unit test with no AWS isolation in the"
                + " test tree");
  }

  @Test
  void motoOrAnEndpointInTheTestTreeStaysManual() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
