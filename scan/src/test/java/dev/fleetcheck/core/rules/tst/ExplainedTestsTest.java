package dev.fleetcheck.core.rules.tst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Level;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.StandardRules;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainedTestsTest {

  private static final String EXPLAINED =
      "import pytest\n\n\n"
          + "def test_docstring():\n    \"\"\"Says why.\"\"\"\n\n\n"
          + "# Expired tokens are refused.\n@pytest.mark.parametrize(\n    \"x\",\n    [1],\n)\n"
          + "def test_comment_above(x):\n    pass\n\n\n"
          + "def test_inline():  # the cache is hit once\n    pass\n\n\n"
          + "class TestThing:\n    def test_first_line(self):\n"
          + "        # a retry follows a timeout\n        pass\n\n"
          + "    def helper(self):\n        pass\n";

  @TempDir Path dir;

  private List<String> described(Outcome outcome) {
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }

  @Test
  void docstringsAndCommentsAboveOnOrBelowTheDefExplainATest() {
    Path repo = FixtureRepo.in(dir).python().file("tests/test_a.py", EXPLAINED).build();

    assertThat(described(FixtureRepo.check(new ExplainedTests(), repo)))
        .containsExactly(
            "4 of 4 tests say what they check (docstring or comment) (100.0%, at least 80%"
                + " required; "
                + ExplainedTests.POPULATION
                + ")");
  }

  @Test
  void belowEightyPercentFailsNamingTheUnexplainedTests() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/test_a.py", EXPLAINED)
            .file(
                "tests/test_b.py",
                "# module comment\n\nX = \"# not a comment\"\n\n\n"
                    + "def test_bare():\n    x = 1\n\n\n"
                    + "def test_string_later():\n    x = 1\n    \"\"\"Too late.\"\"\"\n")
            .file("examples/tests/test_demo.py", "def test_demo():\n    pass\n")
            .file("pkg/mod.py", "def test_not_a_test_file():\n    pass\n")
            .build();

    assertThat(described(FixtureRepo.check(new ExplainedTests(), repo)))
        .containsExactly(
            "4 of 6 tests say what they check (docstring or comment) (66.7%, at least 80%"
                + " required; "
                + ExplainedTests.POPULATION
                + ")",
            "tests/test_b.py:6: test test_bare has no docstring or comment saying what it checks",
            "tests/test_b.py:10: test test_string_later has no docstring or comment saying what it"
                + " checks");
  }

  @Test
  void noTestFunctionsIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("tests/conftest.py", "X = 1\n").build();

    assertThat(FixtureRepo.check(new ExplainedTests(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void isRegisteredAsARecommendedPythonRule() {
    ExplainedTests rule =
        StandardRules.all().stream()
            .filter(r -> r instanceof ExplainedTests)
            .map(ExplainedTests.class::cast)
            .findFirst()
            .orElseThrow();
    Level catalogued = Catalogue.standard().entry("PY-TST-005").orElseThrow().level();

    assertThat(rule.spec().profiles()).isEqualTo(Set.of(Profile.PYTHON));
    assertThat(rule.level(catalogued, Set.of(Profile.PYTHON))).isEqualTo(Level.RECOMMENDED);
  }
}
