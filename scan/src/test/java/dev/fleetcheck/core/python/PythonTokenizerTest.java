package dev.fleetcheck.core.python;

import static dev.fleetcheck.core.python.TokenKind.COMMENT;
import static dev.fleetcheck.core.python.TokenKind.DEDENT;
import static dev.fleetcheck.core.python.TokenKind.ENDMARKER;
import static dev.fleetcheck.core.python.TokenKind.ERRORTOKEN;
import static dev.fleetcheck.core.python.TokenKind.INDENT;
import static dev.fleetcheck.core.python.TokenKind.NAME;
import static dev.fleetcheck.core.python.TokenKind.NEWLINE;
import static dev.fleetcheck.core.python.TokenKind.NL;
import static dev.fleetcheck.core.python.TokenKind.NUMBER;
import static dev.fleetcheck.core.python.TokenKind.OP;
import static dev.fleetcheck.core.python.TokenKind.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonTokenizerTest {

  private static List<Token> tokens(String source) {
    return PythonTokenizer.tokenize(source).list();
  }

  /** The tokens of a one-line expression, without the NEWLINE and ENDMARKER at the end. */
  private static List<Token> expression(String source) {
    List<Token> all = tokens(source);
    assertThat(all.get(all.size() - 1).kind()).isEqualTo(ENDMARKER);
    assertThat(all.get(all.size() - 2).kind()).isEqualTo(NEWLINE);
    return all.subList(0, all.size() - 2);
  }

  private static Token token(TokenKind kind, String text, int line, int column) {
    return new Token(kind, text, line, column);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'a'",
        "\"a\"",
        "''",
        "\"\"",
        "'''a\nb'''",
        "\"\"\"a \"quoted\" b\"\"\"",
        "'it\\'s'",
        "\"a\\\\\"",
        "r'\\d'",
        "r'\\''",
        "R\"x\"",
        "b'bytes'",
        "B'x'",
        "rb'\\x'",
        "bR'x'",
        "Rb\"x\"",
        "BR'''x'''",
        "u'text'",
        "U\"text\"",
        "f'{x}'",
        "F\"{x!r:>{width}}\"",
        "rf'{x}\\d'",
        "fR'{x}'",
        "Rf\"{x}\"",
        "f'{{literal}}'",
        "f\"{'nested'}\"",
        "f\"{\"same quotes\"}\"",
        "f\"{f\"{f\"{x}\"}\"}\"",
        "f'{x:{\"spec\"}}'",
        "f'{a[\"k\"]:>10}'",
        "f'{x!=y}'",
        "f'{x=}'",
        "f'{ {\"a\": 1}[\"a\"] }'",
        "f'{lambda: 1}'",
        "f\"\\N{BULLET} {x}\"",
        "rf'\\{x}'",
        "t'{x}'",
        "Tr'{x}'",
        "f'''{x\n+ y}'''",
        "f\"\"\"{\n  x  # a comment\n}\"\"\"",
        "f'{x:%Y-%m-%d}'",
        "'line \\\ncontinued'",
      })
  void everyStringFormIsOneStringToken(String literal) {
    List<Token> tokens = expression(literal);

    assertThat(tokens).containsExactly(token(STRING, literal, 1, 0));
  }

  @Test
  void invalidPrefixesAreNamesFollowedByAString() {
    assertThat(expression("ub'x'"))
        .containsExactly(token(NAME, "ub", 1, 0), token(STRING, "'x'", 1, 2));
    assertThat(expression("bf'x'"))
        .containsExactly(token(NAME, "bf", 1, 0), token(STRING, "'x'", 1, 2));
    assertThat(expression("rr'x'"))
        .containsExactly(token(NAME, "rr", 1, 0), token(STRING, "'x'", 1, 2));
  }

  @Test
  void stringsNextToCodeKeepTheirPositions() {
    assertThat(expression("call('a', b=\"c\")"))
        .containsExactly(
            token(NAME, "call", 1, 0),
            token(OP, "(", 1, 4),
            token(STRING, "'a'", 1, 5),
            token(OP, ",", 1, 8),
            token(NAME, "b", 1, 10),
            token(OP, "=", 1, 11),
            token(STRING, "\"c\"", 1, 12),
            token(OP, ")", 1, 15));
  }

  @Test
  void tokensAfterAMultiLineStringHaveTheRightLine() {
    List<Token> tokens = tokens("x = '''a\nb\nc''' + y\nz\n");

    assertThat(tokens)
        .contains(
            token(STRING, "'''a\nb\nc'''", 1, 4),
            token(OP, "+", 3, 5),
            token(NAME, "y", 3, 7),
            token(NAME, "z", 4, 0));
  }

  @Test
  void anUnterminatedStringIsAnErrorToTheEndOfItsLine() {
    List<Token> tokens = tokens("x = 'abc\ny = 1\n");

    assertThat(tokens)
        .containsExactly(
            token(NAME, "x", 1, 0),
            token(OP, "=", 1, 2),
            token(ERRORTOKEN, "'abc", 1, 4),
            token(NEWLINE, "\n", 1, 8),
            token(NAME, "y", 2, 0),
            token(OP, "=", 2, 2),
            token(NUMBER, "1", 2, 4),
            token(NEWLINE, "\n", 2, 5),
            token(ENDMARKER, "", 3, 0));
  }

  @Test
  void anUnterminatedTripleQuotedStringRunsToTheEnd() {
    List<Token> tokens = tokens("x = '''abc\ny = requests.get(u)\n");

    assertThat(tokens.get(2)).isEqualTo(token(ERRORTOKEN, "'''abc\ny = requests.get(u)\n", 1, 4));
    assertThat(tokens.get(tokens.size() - 1)).isEqualTo(token(ENDMARKER, "", 3, 0));
  }

  @Test
  void anUnterminatedReplacementFieldIsAnError() {
    List<Token> tokens = tokens("x = f'{a'\ny\n");

    assertThat(tokens).contains(token(ERRORTOKEN, "f'{a'", 1, 4), token(NAME, "y", 2, 0));
  }

  @Test
  void numbersInEveryNotation() {
    for (String number :
        List.of(
            "0", "42", "1_000", "0x_FF", "0o17", "0B101", "3.14", ".5", "1.", "1e10", "1E-5",
            "2.5e+3j", "10j", "1_0.0_1")) {
      assertThat(expression(number)).as(number).containsExactly(token(NUMBER, number, 1, 0));
    }
  }

  @Test
  void operatorsTakeTheLongestMatch() {
    List<String> texts =
        expression("a **= b // c -> d := e ... != <<= >>= @ ~ <> ==").stream()
            .filter(t -> t.kind() == OP)
            .map(Token::text)
            .toList();

    assertThat(texts)
        .containsExactly("**=", "//", "->", ":=", "...", "!=", "<<=", ">>=", "@", "~", "<>", "==");
  }

  @Test
  void namesMayBeUnicode() {
    assertThat(expression("café = naïve"))
        .containsExactly(
            token(NAME, "café", 1, 0), token(OP, "=", 1, 5), token(NAME, "naïve", 1, 7));
  }

  @Test
  void strayCharactersAreOneCharacterErrors() {
    assertThat(expression("a $ b ? `"))
        .containsExactly(
            token(NAME, "a", 1, 0),
            token(ERRORTOKEN, "$", 1, 2),
            token(NAME, "b", 1, 4),
            token(ERRORTOKEN, "?", 1, 6),
            token(ERRORTOKEN, "`", 1, 8));
  }

  @Test
  void commentsAreTokensAndNeverCode() {
    assertThat(tokens("x = 1  # requests.get(url)\n# whole line\n"))
        .containsExactly(
            token(NAME, "x", 1, 0),
            token(OP, "=", 1, 2),
            token(NUMBER, "1", 1, 4),
            token(COMMENT, "# requests.get(url)", 1, 7),
            token(NEWLINE, "\n", 1, 26),
            token(COMMENT, "# whole line", 2, 0),
            token(NL, "\n", 2, 12),
            token(ENDMARKER, "", 3, 0));
  }

  @Test
  void indentationMakesIndentAndDedentTokens() {
    String source = "if a:\n    b\n\n    # comment\n        \n    c\nd\n";

    List<TokenKind> kinds = tokens(source).stream().map(Token::kind).toList();

    assertThat(kinds)
        .containsExactly(
            NAME, NAME, OP, NEWLINE, INDENT, NAME, NEWLINE, NL, COMMENT, NL, NL, NAME, NEWLINE,
            DEDENT, NAME, NEWLINE, ENDMARKER);
  }

  @Test
  void dedentsCloseEveryLevelAtTheEnd() {
    List<Token> tokens = tokens("def f():\n    if x:\n        return 1");

    assertThat(tokens.subList(tokens.size() - 4, tokens.size()))
        .containsExactly(
            token(NEWLINE, "", 3, 16),
            token(DEDENT, "", 3, 16),
            token(DEDENT, "", 3, 16),
            token(ENDMARKER, "", 3, 16));
  }

  @Test
  void tabsIndentToTheNextMultipleOfEight() {
    Tokens tokens = PythonTokenizer.tokenize("if a:\n\tb\n        c\n");

    assertThat(tokens.list().stream().filter(t -> t.kind() == INDENT).count()).isEqualTo(1);
    assertThat(tokens.list().stream().filter(t -> t.kind() == DEDENT).count()).isEqualTo(1);
    assertThat(tokens.firstTabIndentedLine()).isEqualTo(2);
  }

  @Test
  void tabsInsideBracketsOrAfterCodeAreNotIndentation() {
    assertThat(PythonTokenizer.tokenize("x = (1,\n\t2)\ny = 1\t# c\n").firstTabIndentedLine())
        .isZero();
    assertThat(PythonTokenizer.tokenize("if a:\n    b\n").firstTabIndentedLine()).isZero();
  }

  @Test
  void bracketsJoinLinesAndTrackDepth() {
    Tokens tokens = PythonTokenizer.tokenize("f(a,\n  [b,\n   c])\n");

    List<TokenKind> kinds = tokens.list().stream().map(Token::kind).toList();
    assertThat(kinds)
        .containsExactly(
            NAME, OP, NAME, OP, NL, OP, NAME, OP, NL, NAME, OP, OP, NEWLINE, ENDMARKER);
    assertThat(tokens.depth(0)).isZero();
    assertThat(tokens.depth(2)).isEqualTo(1);
    assertThat(tokens.depth(6)).isEqualTo(2);
    assertThat(tokens.match(1)).isEqualTo(11);
    assertThat(tokens.match(5)).isEqualTo(10);
    assertThat(tokens.match(10)).isEqualTo(5);
  }

  @Test
  void unbalancedBracketsAreTolerated() {
    Tokens closers = PythonTokenizer.tokenize(")]}\nx\n");
    assertThat(closers.match(0)).isEqualTo(-1);
    assertThat(closers.list()).contains(token(NAME, "x", 2, 0));

    Tokens opener = PythonTokenizer.tokenize("f(\nx\n");
    assertThat(opener.match(1)).isEqualTo(-1);
    assertThat(opener.list().stream().map(Token::kind))
        .containsExactly(NAME, OP, NL, NAME, NL, NEWLINE, ENDMARKER);
  }

  @Test
  void backslashJoinsLinesWithoutAToken() {
    assertThat(tokens("x = 1 + \\\n    2\n"))
        .containsExactly(
            token(NAME, "x", 1, 0),
            token(OP, "=", 1, 2),
            token(NUMBER, "1", 1, 4),
            token(OP, "+", 1, 6),
            token(NUMBER, "2", 2, 4),
            token(NEWLINE, "\n", 2, 5),
            token(ENDMARKER, "", 3, 0));
  }

  @Test
  void aBackslashNotBeforeALineBreakIsAnError() {
    assertThat(expression("a \\ b"))
        .containsExactly(
            token(NAME, "a", 1, 0), token(ERRORTOKEN, "\\", 1, 2), token(NAME, "b", 1, 4));
  }

  @Test
  void carriageReturnsEndLinesToo() {
    assertThat(tokens("a\r\nb\rc\n"))
        .containsExactly(
            token(NAME, "a", 1, 0),
            token(NEWLINE, "\r\n", 1, 1),
            token(NAME, "b", 2, 0),
            token(NEWLINE, "\r", 2, 1),
            token(NAME, "c", 3, 0),
            token(NEWLINE, "\n", 3, 1),
            token(ENDMARKER, "", 4, 0));
  }

  @Test
  void deeplyNestedFStringsAreAnErrorNotACrash() {
    String nested = "f'{".repeat(5_000) + "x" + "}'".repeat(5_000);

    Tokens tokens = PythonTokenizer.tokenize(nested);

    assertThat(tokens.kind(0)).isEqualTo(ERRORTOKEN);
  }
}
