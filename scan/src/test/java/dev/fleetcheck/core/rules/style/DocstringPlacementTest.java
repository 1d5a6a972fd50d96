package dev.fleetcheck.core.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocstringPlacementTest {

  @TempDir Path dir;

  private List<String> findings(String code) {
    Path repo = FixtureRepo.in(dir).python().file("pkg/mod.py", code).build();
    return FixtureRepo.check(new DocstringPlacement(), repo).evidence().stream()
        .map(Evidence::describe)
        .toList();
  }

  @Test
  void tripleDoubleQuotesWithPrefixesAndAttributeDocstringsPass() {
    assertThat(
            findings(
                "r\"\"\"Module.\"\"\"\n\n\nclass A:\n    \"\"\"A.\"\"\"\n\n    x: int = 1\n"
                    + "    \"\"\"The x.\"\"\"\n\n    def f(self):  # why\n        u\"\"\"F.\"\"\"\n"
                    + "        y = 2\n        \"\"\"Attribute-style note.\"\"\"\n"
                    + "        return y\n"))
        .containsExactly("3 docstrings in triple double quotes, each the first statement");
  }

  @Test
  void otherQuotesAndMisplacedDocstringsFailOneByOne() {
    assertThat(
            findings(
                "'''Module.'''\n\n\ndef a():\n    'A.'\n\n\ndef b(\n    x,\n):\n"
                    + "    return x\n    \"\"\"B, misplaced.\"\"\"\n\n\n"
                    + "class C: \"C.\"\n\n\ndef d():\n    f\"D {1}\"\n"))
        .containsExactly(
            "pkg/mod.py:1: docstring opened with ''', not triple double quotes",
            "pkg/mod.py:5: docstring opened with ', not triple double quotes",
            "pkg/mod.py:8: docstring is not the first statement: a bare string follows the first"
                + " statement",
            "pkg/mod.py:15: docstring opened with \", not triple double quotes");
  }

  @Test
  void noDocstringIsNotApplicableAndTestCodeDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/mod.py", "X = 'not a docstring'\n")
            .file("tests/test_mod.py", "'''Tests.'''\n")
            .build();

    assertThat(FixtureRepo.check(new DocstringPlacement(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
