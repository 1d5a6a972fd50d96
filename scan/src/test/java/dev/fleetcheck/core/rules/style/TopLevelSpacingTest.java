package dev.fleetcheck.core.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopLevelSpacingTest {

  @TempDir Path dir;

  private List<String> findings(String code) {
    Path repo = FixtureRepo.in(dir).python().file("pkg/mod.py", code).build();
    Outcome outcome = FixtureRepo.check(new TopLevelSpacing(), repo);
    return outcome.evidence().stream().map(Evidence::describe).toList();
  }

  @Test
  void pycodestylesOwnExamplesPassAndFailAsItSays() {
    assertThat(findings("def a():\n    pass\n\n\ndef b():\n    pass\n"))
        .containsExactly(
            "top-level definitions have two blank lines around them (1 files checked)");
    assertThat(findings("def a():\n    pass\n\n\n# Foo\n# Bar\n\ndef b():\n    pass\n"))
        .hasSize(1)
        .allMatch(f -> f.startsWith("top-level"));
    assertThat(findings("def a():\n    pass\n\nasync def b(n):\n    pass\n"))
        .containsExactly(
            "pkg/mod.py:4: E302 expected 2 blank lines before a top-level definition, found 1");
    assertThat(findings("def a():\n    pass\na()\n"))
        .containsExactly(
            "pkg/mod.py:3: E305 expected 2 blank lines after a class or function definition,"
                + " found 0");
  }

  @Test
  void tooManyBlankLinesNestedDefsAndOneLinerGroupsAreNotThisRule() {
    assertThat(
            findings(
                "import os\n\n\n\ndef a():\n    pass\n\n\n\n\ndef b():\n    x = 1\n"
                    + "    def c():\n        pass\n    return c\n\n\n"
                    + "def f(): pass\ndef g(): pass\n"))
        .allMatch(f -> f.startsWith("top-level"));
  }

  @Test
  void decoratorsCommentsAndMultiLineHeadersCountAsPycodestyleCountsThem() {
    String code =
        "\"\"\"Module.\"\"\"\nimport functools\n# helpers\n@functools.cache\n@staticmethod\n"
            + "def a(\n    x,\n):\n    return \"\"\"\n\ndef fake():\n\"\"\"\n"
            + "# a comment right after\n\nclass B:  # noqa: E302\n    pass\n\n\n"
            + "if __name__ == \"__main__\":\n    a(1)\n";

    assertThat(findings(code))
        .containsExactly(
            "pkg/mod.py:4: E302 expected 2 blank lines before a top-level definition, found 0");
  }

  @Test
  void consecutiveOverloadStubsOverSeveralLinesAndTheirImplementationAreExempt() {
    // The shape of requests.utils and pydantic.fields: multi-line stubs, no blank lines between.
    String code =
        "from typing import overload\n\n\n"
            + "@overload\ndef to_list(value: None) -> None: ...\n"
            + "@overload  # a mapping\ndef to_list(\n    value: dict,\n) -> list: ...\n"
            + "def to_list(\n    value,\n):\n    return value\n";

    assertThat(findings(code)).allMatch(f -> f.startsWith("top-level"));
  }

  @Test
  void aDefAfterAnOverloadStubOfAnotherNameOrAfterAPlainDefStillFails() {
    String code =
        "import typing\n\n\n"
            + "@typing.overload\ndef a(\n    x: int,\n) -> int: ...\n"
            + "def b(\n    x,\n):\n    return x\n"
            + "@typing.overload\ndef b(\n    x: str,\n) -> str: ...\n";

    assertThat(findings(code))
        .containsExactly(
            "pkg/mod.py:8: E302 expected 2 blank lines before a top-level definition, found 0",
            "pkg/mod.py:12: E302 expected 2 blank lines before a top-level definition, found 0");
  }

  @Test
  void testCodeIsNotProductCode() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/mod.py", "X = 1\n")
            .file("tests/test_mod.py", "import pkg\ndef test_x():\n    pass\n")
            .build();

    assertThat(FixtureRepo.check(new TopLevelSpacing(), repo).status()).isEqualTo(Status.PASS);
  }
}
