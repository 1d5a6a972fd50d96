package dev.fleetcheck.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

  private static final String TOML =
      """
      [project]
      name = "x"
      dependencies = [
        "requests>=2",  # it's pinned
        'flask',
        "esc\\"aped",
      ]
      [tool.poetry.dependencies]
      "quoted-key" = "*"
      bare = "*"
      [tool.poe.tasks.lint]
      cmd = "ruff check"
      [tool.poe.tasks]
      bare = "pytest"
      """;

  @Test
  void offsetsMapToTheSameLinesAsCountingNewlines() {
    String text = "a\nbb\r\n\nccc";
    LineIndex index = LineIndex.of(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      assertThat(index.lineAt(offset)).as("offset %d", offset).isEqualTo(countedLine(text, offset));
    }
    assertThat(index.lineCount()).isEqualTo(4);
    assertThat(index.line(2)).isEqualTo("bb");
    assertThat(index.line(4)).isEqualTo("ccc");
  }

  @Test
  void quotedStringsKeysAndTablesPointAtTheirFirstLine() {
    LineIndex index = LineIndex.of(TOML);

    assertThat(index.stringLine("requests>=2")).isEqualTo(4);
    assertThat(index.stringLine("flask")).isEqualTo(5);
    assertThat(index.stringLine("esc\\\"aped")).isEqualTo(6);
    assertThat(index.stringLine("it")).as("inside a comment").isZero();
    assertThat(index.stringLine("missing")).isZero();
    assertThat(index.keyLine("quoted-key")).isEqualTo(9);
    assertThat(index.keyLine("bare")).isEqualTo(10);
    assertThat(index.keyLineFrom(LineIndex.KeyStyle.ASSIGNMENT, "bare", 11)).isEqualTo(14);
    assertThat(index.keyLineFrom(LineIndex.KeyStyle.ASSIGNMENT, "bare", 15)).isZero();
    assertThat(index.tableLine("tool.poe.tasks.lint")).isEqualTo(11);
    assertThat(index.tableLine("tool.poe")).isEqualTo(11);
    assertThat(index.headerLine("tool.poe")).isZero();
    assertThat(index.headerLine("tool.poe.tasks")).isEqualTo(13);
  }

  @Test
  void fragmentsAreFoundForwardFromTheLastOneThenFromTheStart() {
    LineIndex.Cursor index = LineIndex.of("x\ny\nx\ny\n").cursor();

    assertThat(index.lineOfNext("y")).isEqualTo(2);
    assertThat(index.lineOfNext("x")).isEqualTo(3);
    assertThat(index.lineOfNext("y")).isEqualTo(4);
    assertThat(index.lineOfNext("x")).as("wraps to the start").isEqualTo(1);
    assertThat(index.lineOfNext("z")).isZero();
  }

  @Test
  void indentedYamlKeysAreFoundAfterALine() {
    LineIndex index = LineIndex.of("tasks:\n  lint:\n    cmds: [x]\n  'test:unit':\n  lint:\n");

    assertThat(index.keyLineFrom(LineIndex.KeyStyle.INDENTED_YAML, "lint", 1)).isEqualTo(2);
    assertThat(index.keyLineFrom(LineIndex.KeyStyle.INDENTED_YAML, "lint", 3)).isEqualTo(5);
    assertThat(index.keyLineFrom(LineIndex.KeyStyle.INDENTED_YAML, "test:unit", 1)).isEqualTo(4);
    assertThat(index.keyLineFrom(LineIndex.KeyStyle.INDENTED_YAML, "tasks", 1)).isZero();
  }

  private static int countedLine(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
