package dev.fleetcheck.core.python;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes a module's {@link Layout} from its tokens: one pass to split logical lines, then
 * pycodestyle's {@code blank_lines} check at its defaults (E302 and E305 only; E303 takes
 * precedence as there), docstring quotes and placement, and comments that explain a def.
 */
final class LayoutAnalyzer {

  private static final Pattern NOQA =
      Pattern.compile(
          "#\\s*noqa(?!\\s*:)|#\\s*noqa\\s*:[^#]*\\b(E302|E305)\\b", Pattern.CASE_INSENSITIVE);
  private static final int TOP_LEVEL_LINES = 2;
  private static final int LOGICAL_TEXT = 16;

  private final Tokens t;
  private final PhysicalLines lines;
  private final List<int[]> logical;
  private final StringBuilder head = new StringBuilder(LOGICAL_TEXT + 1);

  private LayoutAnalyzer(Tokens tokens, PhysicalLines lines) {
    this.t = tokens;
    this.lines = lines;
    // A logical line takes at least one token and its NEWLINE: sized so that the list never grows.
    this.logical = new ArrayList<>(tokens.size() / 2 + 1);
  }

  /** The layout of {@code tokens}, whose source {@code lines} splits. */
  static Layout analyze(Tokens tokens, PhysicalLines lines) {
    return new LayoutAnalyzer(tokens, lines).run();
  }

  private Layout run() {
    splitLogicalLines();
    List<Layout.Docstring> docstrings = new ArrayList<>();
    List<Integer> misplaced = new ArrayList<>();
    Set<Integer> commented = new HashSet<>();
    if (!logical.isEmpty()) {
      docstringAt(logical.get(0)[0], docstrings);
    }
    int decoratorRunLine = 0;
    for (int n = 0; n < logical.size(); n++) {
      int start = logical.get(n)[0];
      if (t.isOp(start, '@')) {
        if (decoratorRunLine == 0) {
          decoratorRunLine = t.line(start);
        }
        continue;
      }
      int keyword = t.is(start, "async") ? start + 1 : start;
      if (t.is(keyword, "def") || t.is(keyword, "class")) {
        int top = decoratorRunLine > 0 ? decoratorRunLine : t.line(start);
        body(n, keyword, top, docstrings, misplaced, commented);
      }
      decoratorRunLine = 0;
    }
    return new Layout(spacing(), docstrings, misplaced, commented);
  }

  /** Logical lines as [first token, NEWLINE token] index pairs. */
  private void splitLogicalLines() {
    int start = -1;
    for (int i = 0; i < t.size(); i++) {
      TokenKind kind = t.kind(i);
      if (start < 0) {
        if (kind == TokenKind.NL
            || kind == TokenKind.COMMENT
            || kind == TokenKind.INDENT
            || kind == TokenKind.DEDENT
            || kind == TokenKind.NEWLINE) {
          continue;
        }
        if (kind == TokenKind.ENDMARKER) {
          return;
        }
        start = i;
      }
      if (kind == TokenKind.NEWLINE || kind == TokenKind.ENDMARKER) {
        logical.add(new int[] {start, i});
        start = -1;
      }
    }
  }

  // ---- pycodestyle blank_lines, E302 and E305 ----

  private List<Layout.Spacing> spacing() {
    List<Layout.Spacing> found = new ArrayList<>();
    int previousEnd = 0;
    boolean hasPrevious = false;
    boolean previousDecorator = false;
    boolean previousUnindentedIsDef = false;
    for (int[] line : logical) {
      int startLine = t.line(line[0]);
      int blankLines = 0;
      int blankBefore = 0;
      for (int l = previousEnd + 1; l < startLine; l++) {
        if (blank(l)) {
          blankLines++;
        } else {
          blankBefore = Math.max(blankBefore, blankLines);
          blankLines = 0;
        }
      }
      blankBefore = Math.max(blankBefore, blankLines);
      boolean indented = t.column(line[0]) > 0;
      CharSequence text = logicalText(line);
      Layout.Spacing finding =
          check(
              line,
              text,
              indented,
              blankLines,
              blankBefore,
              hasPrevious,
              previousDecorator,
              previousUnindentedIsDef);
      if (finding != null && !noqa(finding.line())) {
        found.add(finding);
      }
      hasPrevious = true;
      previousDecorator = startsWith(text, "@", 0);
      if (!indented) {
        previousUnindentedIsDef = startsWith(text, "def ", 0) || startsWith(text, "class ", 0);
      }
      previousEnd = t.line(line[1]);
    }
    return found;
  }

  private Layout.Spacing check(
      int[] line,
      CharSequence text,
      boolean indented,
      int blankLines,
      int blankBefore,
      boolean hasPrevious,
      boolean previousDecorator,
      boolean previousUnindentedIsDef) {
    if (!hasPrevious && blankBefore < TOP_LEVEL_LINES) {
      return null;
    }
    int startLine = t.line(line[0]);
    if (hasPrevious && previousDecorator) {
      return null;
    }
    if (blankLines > TOP_LEVEL_LINES || (indented && blankLines == 2)) {
      return null;
    }
    if (topLevel(text)) {
      if (blankBefore == 0 && isOneLiner(t.line(line[1]), indented ? t.column(line[0]) : 0)) {
        return null;
      }
      if (!indented && blankBefore != TOP_LEVEL_LINES) {
        return new Layout.Spacing(startLine, "E302", blankBefore);
      }
      return null;
    }
    if (!indented && blankBefore != TOP_LEVEL_LINES && previousUnindentedIsDef) {
      return new Layout.Spacing(startLine, "E305", blankBefore);
    }
    return null;
  }

  /**
   * Whether a line starts a def, class or decorator: the regular expression {@code
   * ^(async\s+def\s+|def\s+|class\s+|@)}, written out because it runs on every logical line.
   */
  static boolean topLevel(CharSequence text) {
    if (startsWith(text, "@", 0)
        || keywordThenSpace(text, 0, "def") > 0
        || keywordThenSpace(text, 0, "class") > 0) {
      return true;
    }
    int afterAsync = keywordThenSpace(text, 0, "async");
    return afterAsync > 0 && keywordThenSpace(text, afterAsync, "def") > 0;
  }

  /** The index after {@code keyword} at {@code at} and the whitespace after it; -1 when absent. */
  private static int keywordThenSpace(CharSequence text, int at, String keyword) {
    if (!startsWith(text, keyword, at)) {
      return -1;
    }
    int p = at + keyword.length();
    int spaceStart = p;
    while (p < text.length() && regexSpace(text.charAt(p))) {
      p++;
    }
    return p > spaceStart ? p : -1;
  }

  /** {@link String#startsWith(String, int)} for any text. */
  private static boolean startsWith(CharSequence text, String prefix, int at) {
    if (at < 0 || at > text.length() - prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(at + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code \s} of a regular expression without UNICODE_CHARACTER_CLASS. */
  private static boolean regexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** pycodestyle's {@code _is_one_liner}, on physical lines. */
  private boolean isOneLiner(int lineNumber, int indentLevel) {
    int index = lineNumber - 1;
    int previousIndent = index < 1 ? 0 : expandIndent(physical(index));
    if (previousIndent > indentLevel) {
      return false;
    }
    while (index < lines.count()) {
      String stripped = lines.get(index).strip();
      if (!stripped.startsWith("@") && topLevel(stripped)) {
        break;
      }
      index++;
    }
    if (index >= lines.count()) {
      return false;
    }
    int next = index + 1;
    while (next < lines.count() && lines.get(next).strip().isEmpty()) {
      next++;
    }
    if (next >= lines.count()) {
      return true;
    }
    return expandIndent(lines.get(next)) <= indentLevel;
  }

  private static int expandIndent(String line) {
    int indent = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        indent = indent / 8 * 8 + 8;
      } else if (c == ' ') {
        indent++;
      } else {
        break;
      }
    }
    return indent;
  }

  /**
   * The start of a logical line as pycodestyle sees it: first words joined by one space, cut after
   * {@value #LOGICAL_TEXT} chars (the checks read no further than {@code "async def "}; a docstring
   * or long string at the start is not copied whole).
   */
  private CharSequence logicalText(int[] line) {
    // One buffer for every line: the text is read before the next line is made.
    StringBuilder text = head;
    text.setLength(0);
    for (int i = line[0]; i < line[1] && text.length() < LOGICAL_TEXT; i++) {
      if (t.isTrivia(i)) {
        continue;
      }
      if (text.length() > 0 && t.isName(i) && t.isName(i - 1)) {
        text.append(' ');
      }
      int end = Math.min(t.end(i), t.start(i) + LOGICAL_TEXT - text.length());
      text.append(t.source(), t.start(i), Math.max(t.start(i), end));
    }
    return text;
  }

  /** Whether a physical line holds only whitespace ({@code strip().isEmpty()}, in place). */
  private boolean blank(int lineNumber) {
    if (lineNumber < 1 || lineNumber > lines.count()) {
      return true;
    }
    String source = t.source();
    for (int i = lines.start(lineNumber - 1); i < lines.end(lineNumber - 1); i++) {
      if (!Character.isWhitespace(source.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a physical line silences E302/E305; only a line holding "noqa" can. */
  private boolean noqa(int lineNumber) {
    if (lineNumber < 1 || lineNumber > lines.count()) {
      return false;
    }
    String source = t.source();
    int end = lines.end(lineNumber - 1);
    for (int i = lines.start(lineNumber - 1); i + 4 <= end; i++) {
      char c = source.charAt(i);
      if ((c == 'n' || c == 'N') && source.regionMatches(true, i, "noqa", 0, 4)) {
        return NOQA.matcher(physical(lineNumber)).find();
      }
    }
    return false;
  }

  private String physical(int lineNumber) {
    return lineNumber >= 1 && lineNumber <= lines.count() ? lines.get(lineNumber - 1) : "";
  }

  // ---- docstrings and comments ----

  private void body(
      int n,
      int keyword,
      int topLine,
      List<Layout.Docstring> docstrings,
      List<Integer> misplaced,
      Set<Integer> commented) {
    int[] header = logical.get(n);
    int defLine = t.line(keyword);
    if (physical(topLine - 1).strip().startsWith("#")) {
      commented.add(defLine);
    }
    int colon = -1;
    for (int i = keyword; i < header[1]; i++) {
      if (t.isKind(i, TokenKind.COMMENT)) {
        commented.add(defLine);
      }
      if (colon < 0 && t.isOp(i, ':') && t.depth(i) == 0 && i > keyword + 1) {
        colon = i;
      }
    }
    if (colon < 0) {
      return;
    }
    int first = t.skipTrivia(colon + 1);
    if (first < header[1]) {
      docstringAt(first, docstrings);
      return;
    }
    int j = header[1] + 1;
    while (j < t.size() && (t.isTrivia(j) || t.isKind(j, TokenKind.INDENT))) {
      if (t.isKind(j, TokenKind.COMMENT)) {
        commented.add(defLine);
      }
      j++;
    }
    if (n + 1 >= logical.size() || logical.get(n + 1)[0] != j) {
      return;
    }
    if (docstringAt(j, docstrings)) {
      return;
    }
    int[] firstStatement = logical.get(n + 1);
    if (isAssignment(firstStatement) || t.isKind(j, TokenKind.STRING)) {
      return;
    }
    int second = secondStatement(n + 1);
    if (second >= 0 && isBareString(logical.get(second))) {
      misplaced.add(defLine);
    }
  }

  /** The logical line after statement {@code n} (and its block) at the same indentation. */
  private int secondStatement(int n) {
    int column = t.column(logical.get(n)[0]);
    for (int m = n + 1; m < logical.size(); m++) {
      int c = t.column(logical.get(m)[0]);
      if (c == column) {
        return m;
      }
      if (c < column) {
        return -1;
      }
    }
    return -1;
  }

  /** Records a docstring when a statement of string literals only starts at {@code i}. */
  private boolean docstringAt(int i, List<Layout.Docstring> docstrings) {
    if (!t.isKind(i, TokenKind.STRING)) {
      return false;
    }
    int j = i;
    while (t.isKind(j, TokenKind.STRING)) {
      if (StringLiterals.formatted(t.text(j))) {
        return false;
      }
      j = t.skipTrivia(j + 1);
    }
    if (!(t.isKind(j, TokenKind.NEWLINE) || t.isKind(j, TokenKind.ENDMARKER) || t.isOp(j, ';'))) {
      return false;
    }
    String text = t.text(i);
    int quote = StringLiterals.quoteIndex(text);
    String opening =
        text.startsWith("\"\"\"", quote) || text.startsWith("'''", quote)
            ? text.substring(quote, quote + 3)
            : text.substring(quote, Math.min(text.length(), quote + 1));
    docstrings.add(new Layout.Docstring(t.line(i), opening));
    return true;
  }

  private boolean isBareString(int[] line) {
    for (int i = line[0]; i < line[1]; i++) {
      if (!t.isTrivia(i) && !t.isKind(i, TokenKind.STRING)) {
        return false;
      }
      if (t.isKind(i, TokenKind.STRING) && StringLiterals.formatted(t.text(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code x = ...}, {@code x += ...}, {@code x: T} or {@code x: T = ...} at the top level. */
  private boolean isAssignment(int[] line) {
    if (t.isName(line[0]) && t.isOp(t.skipTrivia(line[0] + 1), ':')) {
      return true;
    }
    for (int i = line[0]; i < line[1]; i++) {
      if (t.depth(i) != 0 || !t.isKind(i, TokenKind.OP)) {
        continue;
      }
      String op = t.text(i);
      if (op.equals("=")
          || (op.length() >= 2
              && op.endsWith("=")
              && !op.equals("==")
              && !op.equals("!=")
              && !op.equals("<=")
              && !op.equals(">="))) {
        return true;
      }
    }
    return false;
  }
}
