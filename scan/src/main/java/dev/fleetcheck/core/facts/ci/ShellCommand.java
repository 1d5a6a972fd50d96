package dev.fleetcheck.core.facts.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One simple shell command: its words with quotes removed, and the text it came from (for
 * evidence). {@link #parse} splits a script into them the way a reader would: continuation lines
 * joined, comments dropped, {@code && || ; |} and newlines separating commands, and shell keywords
 * ({@code then}, {@code do}, ...) in front of a command skipped. {@code lineOffset} is the 0-based
 * line of the script the command starts on.
 */
public record ShellCommand(List<String> words, String text, int lineOffset) {

  private static final Set<String> LEADING_KEYWORDS =
      Set.of("then", "do", "else", "if", "elif", "while", "until", "!", "{", "(", "time", "exec");

  public ShellCommand {
    words = List.copyOf(words);
  }

  public static List<ShellCommand> parse(String script) {
    List<ShellCommand> commands = new ArrayList<>();
    String[] lines = script.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder();
      String line = lines[i];
      while (line.endsWith("\\") && i + 1 < lines.length) {
        logical.append(line, 0, line.length() - 1).append(' ');
        line = lines[++i];
      }
      logical.append(line);
      splitLine(logical.toString(), first, commands);
    }
    return commands;
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** The first word without its folder: {@code /usr/bin/make} is {@code make}. */
  public String program() {
    if (words.isEmpty()) {
      return "";
    }
    String first = words.get(0);
    return first.substring(first.lastIndexOf('/') + 1);
  }

  /** The command without its first {@code n} words. */
  public ShellCommand drop(int n) {
    return new ShellCommand(
        words.subList(Math.min(n, words.size()), words.size()), text, lineOffset);
  }

  private static void splitLine(String line, int lineOffset, List<ShellCommand> commands) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '$' && quote == '"') {
          i = variable(line, i, word);
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
        continue;
      }
      if (c == '#' && !inWord) {
        break;
      }
      if (c == ';' || c == '|' || c == '&') {
        inWord = flush(word, inWord, words);
        add(words, line.substring(start, i), lineOffset, commands);
        words = new ArrayList<>();
        while (i + 1 < line.length() && (line.charAt(i + 1) == '|' || line.charAt(i + 1) == '&')) {
          i++;
        }
        start = i + 1;
        continue;
      }
      if (Character.isWhitespace(c)) {
        inWord = flush(word, inWord, words);
        continue;
      }
      word.append(c);
      inWord = true;
    }
    flush(word, inWord, words);
    add(words, line.substring(start), lineOffset, commands);
  }

  /**
   * Copies a {@code $NAME} reference inside double quotes braced, as {@code ${NAME}}: once the
   * quotes are gone, {@code "$BIN"coverage} must still read as {@code $BIN} then {@code coverage}.
   * Returns the index of the last character consumed.
   */
  private static int variable(String line, int dollar, StringBuilder word) {
    int end = dollar + 1;
    while (end < line.length()
        && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
      end++;
    }
    if (end == dollar + 1) {
      word.append('$');
      return dollar;
    }
    word.append("${").append(line, dollar + 1, end).append('}');
    return end - 1;
  }

  private static boolean flush(StringBuilder word, boolean inWord, List<String> words) {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
    }
    return false;
  }

  private static void add(
      List<String> words, String text, int lineOffset, List<ShellCommand> commands) {
    int first = 0;
    while (first < words.size() && LEADING_KEYWORDS.contains(words.get(first))) {
      first++;
    }
    if (first < words.size()) {
      commands.add(new ShellCommand(words.subList(first, words.size()), text.strip(), lineOffset));
    }
  }
}
