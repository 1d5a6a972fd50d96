package dev.fleetcheck.core.rules.detect;

import java.util.ArrayList;
import java.util.List;

/** Splits Dockerfile arguments into words as the shell form does (quotes, backslash escapes). */
public final class ShellWords {

  private ShellWords() {}

  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The words of a JSON-array form ({@code ["a", "b"]}), or of the shell form otherwise. */
  public static List<String> arguments(String text) {
    String stripped = text.strip();
    if (stripped.startsWith("[") && stripped.endsWith("]")) {
      List<String> words = new ArrayList<>();
      java.util.regex.Matcher item =
          java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(stripped);
      while (item.find()) {
        words.add(item.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
      return words;
    }
    return split(stripped);
  }
}
