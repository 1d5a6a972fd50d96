package dev.fleetcheck.core.facts.taskrunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads justfile recipes: a header {@code name params: deps} at column 0 and its indented body;
 * {@code alias a := b} names another recipe. Settings, assignments, imports and attributes are not
 * recipes.
 */
final class JustfileParser {

  private static final Pattern HEADER =
      Pattern.compile("^@?([A-Za-z_][A-Za-z0-9_-]*)(\\s[^:]*)?:(?![=:])(.*)$");
  private static final Pattern ALIAS =
      Pattern.compile("^alias\\s+([A-Za-z_][A-Za-z0-9_-]*)\\s*:=\\s*([A-Za-z_][A-Za-z0-9_-]*)");
  private static final Set<String> KEYWORDS =
      Set.of("set", "export", "import", "mod", "alias", "if", "else");
  private static final Pattern JUST_CALL =
      Pattern.compile("(?<![\\w/-])just\\s+((?:-\\S+\\s+)*)([A-Za-z_][A-Za-z0-9_-]*)");

  private static final Pattern PARENTHESISED = Pattern.compile("\\([^)]*?\\s[^)]*\\)");

  private JustfileParser() {}

  static List<RawTarget> parse(String text) {
    String[] lines = text.split("\r?\n", -1);
    List<RawTarget> targets = new ArrayList<>();
    String name = null;
    int headerLine = 0;
    List<String> deps = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (name != null && (indented || line.isBlank())) {
        String command = stripPrefix(line.strip());
        if (!command.isEmpty() && !command.startsWith("#")) {
          commands.add(command);
          Matcher call = JUST_CALL.matcher(command);
          if (call.find()) {
            calls.add(call.group(2));
          }
        }
        continue;
      }
      if (name != null) {
        targets.add(new RawTarget(name, headerLine, commands, deps, calls));
        name = null;
      }
      if (line.isBlank() || indented || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      Matcher alias = ALIAS.matcher(line);
      if (alias.find()) {
        targets.add(
            new RawTarget(alias.group(1), i + 1, List.of(), List.of(alias.group(2)), List.of()));
        continue;
      }
      String word = line.split("\\s+", 2)[0];
      if (KEYWORDS.contains(word) && !line.startsWith(word + ":")) {
        continue;
      }
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        name = header.group(1);
        headerLine = i + 1;
        deps = dependencies(header.group(3));
        commands = new ArrayList<>();
        calls = new ArrayList<>();
      }
    }
    if (name != null) {
      targets.add(new RawTarget(name, headerLine, commands, deps, calls));
    }
    return targets;
  }

  private static List<String> dependencies(String rest) {
    List<String> deps = new ArrayList<>();
    String withoutComment = rest.contains("#") ? rest.substring(0, rest.indexOf('#')) : rest;
    Matcher dep =
        Pattern.compile("\\(\\s*([A-Za-z_][A-Za-z0-9_-]*)|([A-Za-z_][A-Za-z0-9_-]*)")
            .matcher(
                PARENTHESISED
                    .matcher(withoutComment)
                    .replaceAll(m -> Matcher.quoteReplacement(firstInParens(m.group()))));
    while (dep.find()) {
      deps.add(dep.group(1) != null ? dep.group(1) : dep.group(2));
    }
    return deps;
  }

  private static String firstInParens(String group) {
    String inner = group.substring(1, group.length() - 1).strip();
    return " " + inner.split("\\s+", 2)[0] + " ";
  }

  private static String stripPrefix(String command) {
    String stripped = command;
    while (!stripped.isEmpty() && (stripped.charAt(0) == '@' || stripped.charAt(0) == '-')) {
      stripped = stripped.substring(1).stripLeading();
    }
    return stripped;
  }
}
