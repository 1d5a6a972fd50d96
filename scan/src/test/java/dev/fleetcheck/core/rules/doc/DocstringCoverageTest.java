package dev.fleetcheck.core.rules.doc;

import static dev.fleetcheck.core.rules.detect.CoverageScope.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocstringCoverageTest {

  @TempDir Path dir;

  @Test
  void passesAtExactlyEightyPercent() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                \"\"\"Module.\"\"\"
                class Client:
                    \"\"\"Client.\"\"\"
                    def get(self):
                        \"\"\"Get.\"\"\"
                    def post(self):
                        pass
                def run():
                    '''Run.'''
                def _private():
                    pass
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "4 of 5 public modules, classes and functions have docstrings (80.0%, at least 80%"
                + " required; "
                + SCOPE
                + ")");
  }

  @Test
  void failsBelowEightyPercentListingWhatIsMissing() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                class Client:
                    def get(self):
                        \"\"\"Get.\"\"\"
                    async def post(
                        self,
                    ):
                        pass
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "1 of 4 public modules, classes and functions have docstrings (25.0%, at least 80%"
                + " required; "
                + SCOPE
                + ")",
            "pkg/mod.py:1: public class Client has no docstring",
            "pkg/mod.py:1: public module has no docstring",
            "pkg/mod.py:4: public method post has no docstring");
  }

  @Test
  void listsAtMostTwentyMissing() {
    StringBuilder source = new StringBuilder("\"\"\"Module.\"\"\"\n");
    for (int i = 0; i < 30; i++) {
      source.append("def f").append(i).append("():\n    pass\n");
    }
    Path repo = FixtureRepo.in(dir).python().file("pkg/many.py", source.toString()).build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(outcome.evidence()).hasSize(21);
    assertThat(outcome.evidence().get(1).line()).isEqualTo(2);
  }

  @Test
  void privateNestedEmptyAndTestCodeDoNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                \"\"\"Module.\"\"\"
                def outer():
                    \"\"\"Outer.\"\"\"
                    def inner():
                        pass
                class _Private:
                    def method(self):
                        pass
                """)
            .file("pkg/__init__.py", "")
            .file("pkg/_internal.py", "def helper():\n    pass\n")
            .file("pkg/_vendor/lib.py", "class Vendored:\n    pass\n")
            .file("tests/test_mod.py", "def test_it():\n    pass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "2 of 2 public modules, classes and functions have docstrings (100.0%, at least 80%"
                + " required; "
                + SCOPE
                + ")");
  }

  @Test
  void definitionsInsideStringsDoNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                \"\"\"Module with an example:

                def undocumented():
                    pass
                \"\"\"
                # def also_not_real(): pass
                """)
            .build();

    assertThat(FixtureRepo.check(new DocstringCoverage(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void nothingPublicIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("pkg/_impl.py", "x = 1\n").build();

    assertThat(FixtureRepo.check(new DocstringCoverage(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void docsConfAndExampleAppsAreNotThePublicApi() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/__init__.py", "\"\"\"Package.\"\"\"\n")
            .file(
                "pkg/docs/render.py",
                "\"\"\"Render.\"\"\"\ndef render():\n    \"\"\"Render.\"\"\"\n")
            .file("docs/conf.py", "project = 'x'\ndef setup(app):\n    pass\n")
            .file("examples/app/main.py", "class App:\n    def run(self):\n        pass\n")
            .file("scripts/release.py", "def bump():\n    pass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "3 of 3 public modules, classes and functions have docstrings (100.0%, at least 80%"
                + " required; "
                + SCOPE
                + ")");
  }

  @Test
  void theSameFolderNamesInsideAPackageAreProductCode() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/__init__.py", "\"\"\"Package.\"\"\"\n")
            .file("pkg/examples/demo.py", "def demo():\n    pass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(RuleFixture.described(outcome))
        .contains("pkg/examples/demo.py:1: public function demo has no docstring");
  }

  @Test
  void countsDefsUnderModuleLevelIfAndTryAfterAFunction() {
    // A def under a module-level `if` or `try`, or under an `if` in a class body, that follows a
    // function is no nested function: it is public and counts (as ast and pydocstyle see it).
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                \"\"\"Module.\"\"\"
                import os
                def first():
                    \"\"\"First.\"\"\"
                if os.name == "nt":
                    import msvcrt
                    def page():
                        pass
                try:
                    def tried():
                        pass
                except ImportError:
                    pass
                class Shell:
                    \"\"\"Shell.\"\"\"
                    def run(self):
                        \"\"\"Run.\"\"\"
                    if os.name == "nt":
                        def cls(self):
                            pass
                def outer():
                    \"\"\"Outer.\"\"\"
                    if True:
                        def inner():
                            pass
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "5 of 8 public modules, classes and functions have docstrings (62.5%, at least 80%"
                + " required; "
                + SCOPE
                + ")",
            "pkg/mod.py:7: public function page has no docstring",
            "pkg/mod.py:10: public function tried has no docstring",
            "pkg/mod.py:19: public method cls has no docstring");
  }

  @Test
  void overloadStubsOverridesAndPropertySettersNeedNoDocstringOfTheirOwn() {
    // As Ruff's D rules: the implementation, the overridden method and the getter carry the
    // docstring; a setter named apart from its property, and a plain method, still count.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/mod.py",
                """
                \"\"\"Module.\"\"\"
                import typing
                from typing import overload
                from typing_extensions import override
                @overload
                def parse(x: int) -> int: ...
                @typing.overload
                def parse(x: str) -> str: ...
                def parse(x):
                    \"\"\"Parse.\"\"\"
                class Field:
                    \"\"\"Field.\"\"\"
                    @property
                    def value(self):
                        \"\"\"Value.\"\"\"
                    @value.setter
                    def value(self, other):
                        pass
                    @value.deleter
                    def value(self):
                        pass
                    @value.setter
                    def set_value(self, other):
                        pass
                    @override
                    def render(self):
                        pass
                    def clean(self):
                        pass
                """)
            .build();

    Outcome outcome = FixtureRepo.check(new DocstringCoverage(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "4 of 6 public modules, classes and functions have docstrings (66.7%, at least 80%"
                + " required; "
                + SCOPE
                + ")",
            "pkg/mod.py:23: public method set_value has no docstring",
            "pkg/mod.py:28: public method clean has no docstring");
  }
}
