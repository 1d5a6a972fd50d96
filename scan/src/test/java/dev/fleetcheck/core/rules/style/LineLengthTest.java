package dev.fleetcheck.core.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineLengthTest {

  @TempDir Path dir;

  private static String line(int length) {
    return "x = \"" + "a".repeat(length - 6) + "\"";
  }

  @Test
  void withNoLimitConfiguredLinesOver79FailOncePerFile() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/a.py", line(79) + "\n" + line(80) + "\n" + line(90) + "\n")
            .file("pkg/b.py", line(79) + "\n")
            .build();

    Outcome outcome = RuleFixture.check(new LineLength(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly("pkg/a.py:2: 2 lines are longer than 79 characters (longest 90)");
  }

  @Test
  void aConfiguredRuffOrFlake8LimitIsTheDocumentedException() {
    Path ruff =
        FixtureRepo.in(dir.resolve("ruff"))
            .file("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.ruff]\nline-length = 88\n")
            .file("pkg/a.py", line(88) + "\n")
            .build();
    Path flake8 =
        FixtureRepo.in(dir.resolve("flake8"))
            .python()
            .file("setup.cfg", "[flake8]\nmax-line-length = 100\n")
            .file("pkg/a.py", line(101) + "\n")
            .build();

    Outcome ruffOutcome = RuleFixture.check(new LineLength(), ruff);
    assertThat(ruffOutcome.status()).isEqualTo(Status.PASS);
    assertThat(ruffOutcome.evidence().get(0).message()).contains("88", "[tool.ruff]");
    assertThat(RuleFixture.described(RuleFixture.check(new LineLength(), flake8)))
        .containsExactly("pkg/a.py:1: 1 line is longer than 100 characters (longest 101)");
  }

  @Test
  void noqaPragmasAndUrlOnlyLinesAreExempt() {
    String url = "https://example.org/" + "a".repeat(90);
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/a.py",
                line(90)
                    + "  # noqa: E501\n"
                    + line(90)
                    + "  # noqa\n"
                    + "# "
                    + url
                    + "\n"
                    + "LINK = (\n    \""
                    + url
                    + "\"\n)\n")
            .build();

    assertThat(RuleFixture.check(new LineLength(), repo).status()).isEqualTo(Status.PASS);
  }

  @Test
  void otherNoqaCodesTestCodeAndTopLevelExamplesDoNotExemptOrCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pkg/a.py", line(90) + "  # noqa: F401\n")
            .file("tests/test_a.py", line(120) + "\n")
            .file("examples/demo.py", line(120) + "\n")
            .build();

    assertThat(RuleFixture.described(RuleFixture.check(new LineLength(), repo)))
        .containsExactly("pkg/a.py:1: 1 line is longer than 79 characters (longest 104)");
  }

  @Test
  void crlfAndCrOnlyLineEndsEachEndOneLineAndTheLastLineNeedsNoEnd() {
    String text = "a\r\n" + line(80) + "\r" + "b\n\r\n" + line(81) + "\r\n" + line(85);

    assertThat(LineLength.longLines("m.py", text, 79).map(e -> e.line() + " " + e.message()))
        .contains("2 3 lines are longer than 79 characters (longest 85)");
    assertThat(LineLength.longLines("m.py", "\r\n\r" + line(80), 79).map(e -> e.line()))
        .contains(3);
  }

  @Test
  void lengthCountsCodePointsSoANonBmpCharacterIsOneAndATabIsOne() {
    String emoji = "\uD83D\uDE00";
    String astral = "x = \"" + emoji.repeat(73) + "\"";
    String tabs = "\t".repeat(79);

    assertThat(astral.length()).isGreaterThan(79);
    assertThat(LineLength.longLines("m.py", astral + "\n" + tabs + "\n", 79)).isEmpty();
    assertThat(LineLength.longLines("m.py", astral + "x\n" + tabs + "\t", 79).map(e -> e.message()))
        .contains("2 lines are longer than 79 characters (longest 80)");
  }

  @Test
  void aLoneSurrogateCountsAsOneCharacter() {
    String lone = "\uD83D".repeat(80);

    assertThat(LineLength.longLines("m.py", "ok\r" + lone, 79).map(e -> e.line())).contains(2);
  }

  @Test
  void pragmasAndUrlsInsideStringsOrCommentsAreJudgedOnTheirOwnLine() {
    String url = "https://example.org/" + "a".repeat(90);
    String text = "# " + url + "\r\n" + line(90) + "  # NOQA:E501\r" + "s = '" + url + "'  # x\n";

    assertThat(LineLength.longLines("m.py", text, 79).map(e -> e.line() + " " + e.message()))
        .contains("3 1 line is longer than 79 characters (longest 121)");
  }
}
