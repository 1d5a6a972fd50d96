package dev.fleetcheck.core.rules.code;

import static dev.fleetcheck.core.rules.detect.CoverageScope.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeHintCoverageTest {

  @TempDir Path dir;

  @Test
  void passesWhenPublicFunctionsAreAnnotated() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                def fetch(url: str, *args: str, timeout: float = 3.0, **kw: object) -> bytes:
                    return b""
                class Client:
                    def get(self, path: str) -> dict:
                        return {}
                    @classmethod
                    def create(cls) -> "Client":
                        return cls()
                    @staticmethod
                    def parse(
                        text: str,
                    ) -> int:
                        return 0
                def _helper(x):
                    return x
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new TypeHintCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "4 of 4 public functions annotate every parameter and the return (100.0%, at least"
                + " 80% required; "
                + SCOPE
                + ")");
  }

  @Test
  void failsBelowEightyPercentNamingWhatLacksAnnotations() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                def fetch(url, timeout: float = 3.0):
                    return b""
                class Client:
                    @staticmethod
                    def parse(text) -> int:
                        return 0
                    def ok(self) -> None:
                        pass
                """)
            .file("tests/test_mod.py", "def test_fetch(x):\n    pass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new TypeHintCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "1 of 3 public functions annotate every parameter and the return (33.3%, at least 80%"
                + " required; "
                + SCOPE
                + ")",
            "pkg/mod.py:1: public function fetch lacks annotations for: url, the return",
            "pkg/mod.py:5: public method parse lacks annotations for: text");
  }

  @Test
  void noPublicFunctionIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir).python().file("pkg/mod.py", "X = 1\nDOC = 'def f(x): pass'\n").build();

    assertThat(FixtureRepo.check(new TypeHintCoverage(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void docsConfAndExampleAppsAreNotThePublicApi() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/api.py", "def get(url: str) -> bytes:\n    return b''\n")
            .file("docs/conf.py", "def setup(app):\n    pass\n")
            .file("examples/app/main.py", "def handler(event, context):\n    pass\n")
            .file("tests/test_api.py", "def test_get():\n    pass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new TypeHintCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "1 of 1 public functions annotate every parameter and the return (100.0%, at least"
                + " 80% required; "
                + SCOPE
                + ")");
  }

  @Test
  void countsDefsUnderModuleLevelIfAfterAFunction() {
    // A def under a module-level `if` that follows a function is no nested function: it counts.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                import sys
                def first() -> None:
                    pass
                if sys.platform == "win32":
                    def clip(text):
                        pass
                def outer() -> None:
                    if True:
                        def inner(x):
                            pass
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new TypeHintCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "2 of 3 public functions annotate every parameter and the return (66.7%, at least 80%"
                + " required; "
                + SCOPE
                + ")",
            "pkg/mod.py:5: public function clip lacks annotations for: text, the return");
  }
}
