package dev.fleetcheck.core.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabIndentationTest {

  @TempDir Path dir;

  @Test
  void failsOncePerFileAtTheFirstTabIndentedLine() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/a.py", "def f():\n    x = 1\n    if x:\n\t\treturn x\n\treturn 0\n")
            .file("pkg/b.py", "class C:\n\tpass\n")
            .build();

    Outcome outcome = FixtureRepo.check(new TabIndentation(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "pkg/a.py:4: indents with tabs (first tab-indented line)",
            "pkg/b.py:2: indents with tabs (first tab-indented line)");
  }

  @Test
  void tabsInContinuationLinesStringsAndCommentsAreNotIndentation() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/a.py",
                "CALL = f(1,\n\t2)\nTEXT = '''\n\tindented text\n'''\nx = 1\t# aligned\n"
                    + "def g():\n    return \\\n\t1\n")
            .build();

    assertThat(FixtureRepo.check(new TabIndentation(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void testCodeIsExcluded() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/a.py", "def f():\n    pass\n")
            .file("tests/test_a.py", "def test():\n\tpass\n")
            .build();

    assertThat(FixtureRepo.check(new TabIndentation(), repo).status()).isEqualTo(Status.PASS);
  }
}
