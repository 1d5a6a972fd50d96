package dev.fleetcheck.core.rules.taskrunner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PY-LCL-002, 003, 004, 023 and 032: each passes on its exact target name and fails on a near miss.
 */
class SimpleTargetRulesTest {

  @TempDir Path dir;

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(new LintTarget(), "lint", "lint-all"),
        Arguments.of(new TestTarget(), "test", "3.14-tests"),
        Arguments.of(new TestAllTarget(), "test-all", "test_all"),
        Arguments.of(new TestWatchTarget(), "test-watch", "watch"),
        Arguments.of(new DoctorTarget(), "doctor", "check-env"));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void passesOnExactName(Rule rule, String name, String nearMiss) {
    Path repo = FixtureRepo.in(dir).python().file("justfile", name + ":\n    echo ok\n").build();
    assertThat(FixtureRepo.check(rule, repo).status()).isEqualTo(Status.PASS);
    assertThat(FixtureRepo.check(rule, repo).evidence().get(0).message()).contains("(just)");
  }

  @ParameterizedTest
  @MethodSource("rules")
  void failsOnNearMiss(Rule rule, String name, String nearMiss) {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("Makefile", nearMiss + ":\n\techo " + name + "\n")
            .build();
    assertThat(FixtureRepo.check(rule, repo).status()).isEqualTo(Status.FAIL);
    assertThat(FixtureRepo.check(rule, repo).evidence().get(0).message())
        .contains("`" + name + "`");
  }
}
