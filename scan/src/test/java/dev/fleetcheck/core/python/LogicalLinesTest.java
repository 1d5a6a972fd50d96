package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalLinesTest {

  private static final String SOURCE =
      """
      import os

      def main(opts):
          if opts.password is None:
              opts.password = ask(
                  "password")
          return opts
      """;

  @Test
  void aLineInsideAContinuedStatementBelongsToThatStatement() {
    Tokens t = PythonTokenizer.tokenize(SOURCE);
    LogicalLines lines = LogicalLines.of(t);

    List<String> firstWords = lines.starts().stream().map(t::text).toList();
    assertThat(firstWords).containsExactly("import", "def", "if", "opts", "return");
    assertThat(t.text(lines.starts().get(lines.at(6)))).isEqualTo("opts");
    assertThat(lines.at(0)).isEqualTo(-1);
  }

  @Test
  void theHeadersAroundAStatementComeInnermostFirst() {
    Tokens t = PythonTokenizer.tokenize(SOURCE);
    LogicalLines lines = LogicalLines.of(t);

    List<String> headers =
        lines.enclosingHeaders(lines.at(5)).stream().map(i -> t.text(i) + "@" + t.line(i)).toList();
    assertThat(headers).containsExactly("if@4", "def@3");
    assertThat(lines.enclosingHeaders(lines.at(1))).isEmpty();
    assertThat(lines.enclosingHeaders(-1)).isEmpty();
  }
}
