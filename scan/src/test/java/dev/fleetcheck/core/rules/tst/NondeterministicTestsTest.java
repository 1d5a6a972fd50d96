package dev.fleetcheck.core.rules.tst;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.ext.TestIsolationFixtures;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NondeterministicTestsTest {

  @TempDir Path dir;
  private final NondeterministicTests rule = new NondeterministicTests();

  @Test
  void unseededRandomnessAndFixedTempPathsFail() {
    assertThat(findings(check(rule, TestIsolationFixtures.leaky(dir))))
        .containsExactly(
            "tests/test_core.py:7: random.choice(...) uses unseeded randomness",
            "tests/test_core.py:8: test writes to a fixed temp path");
  }

  @Test
  void seededTestsWithTmpPathStayManualAndNoTestsIsNotApplicable() {
    assertNoEvidentViolation(check(rule, TestIsolationFixtures.isolated(dir.resolve("i"))));
    assertThat(check(rule, TestIsolationFixtures.plain(dir.resolve("p"))).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aTmpPathHandedToMockPatchedCommandsIsNotAWrite() {
    // barbican's shape: the path is an argument the patched command must receive, nothing writes.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/__init__.py", "")
            .file(
                "tests/test_manage.py",
                """
                from unittest import mock

                from pkg import clean, manage


                @mock.patch("pkg.clean.clean_command")
                def test_clean_with_args(mock_clean):
                    manage.main(["db", "clean", "--log-file", "/tmp/whatevs"])
                    mock_clean.assert_called_once_with(log_file="/tmp/whatevs")


                class TestClean:
                    @mock.patch("pkg.clean.log")
                    @mock.patch("pkg.clean.CONF")
                    def test_clean_command(self, mock_conf, mock_log):
                        test_log_file = "/tmp/sometempfile"
                        clean.clean_command(test_log_file)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void aTmpPathOpenedInAPatchedTestOrUsedInAnUnpatchedOneStillFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/__init__.py", "")
            .file(
                "tests/test_write.py",
                """
                from unittest import mock


                @mock.patch("pkg.clean.CONF")
                def test_writes(mock_conf):
                    with open("/tmp/out.txt", "w") as out:
                        out.write("x")
                """)
            .file(
                "tests/test_log.py",
                """
                from pkg import clean


                def test_log_file():
                    log_file = "/tmp/run.log"
                    clean.clean_command(log_file)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactlyInAnyOrder(
            "tests/test_log.py:5: test uses a fixed temp path",
            "tests/test_write.py:6: test writes to a fixed temp path");
  }
}
