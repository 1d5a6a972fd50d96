package dev.fleetcheck.core.facts.taskrunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the targets of a Makefile: a target is named at column 0 before a single or double colon;
 * special targets ({@code .PHONY}), pattern rules ({@code %:}), computed names, variable
 * assignments and target-specific variables are not targets. Simple variables are expanded in
 * recipes so that {@code $(UV) run ruff check} reads as the command it runs.
 */
final class MakefileParser {

  private static final Set<String> CONDITIONALS =
      Set.of("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif");
  private static final Set<String> DIRECTIVES =
      Set.of(
          "include",
          "-include",
          "sinclude",
          "export",
          "unexport",
          "override",
          "vpath",
          "undefine",
          "private");
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "^(?:(?:export|override|private)\\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\\s*(?:::|:|\\?|\\+|!)?="
              + "\\s*(.*)$");
  private static final Pattern TARGET_VARIABLE =
      Pattern.compile(
          "^\\s*(?:(?:export|override|private)\\s+)*[A-Za-z_][\\w.-]*\\s*(?:::|:|\\?|\\+|!)?=");
  private static final Pattern VARIABLE_REFERENCE =
      Pattern.compile("\\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]");
  private static final Pattern MAKE_CALL =
      Pattern.compile("(?:\\$\\(MAKE\\)|\\$\\{MAKE\\}|(?<![\\w/-])make)\\s+(.*)$");

  private static final Pattern INCLUDE = Pattern.compile("^(?:-include|sinclude|include)\\s+(.+)$");
  private static final Pattern WILDCARD = Pattern.compile("\\$\\(wildcard\\s+([^)]*)\\)");

  private static final Pattern CHANGES_FOLDER = Pattern.compile("(?:^|[;&|(]\\s*)(?:cd|pushd)\\s");

  private MakefileParser() {}

  static List<RawTarget> parse(String text) {
    List<Logical> lines = logicalLines(text);
    Map<String, String> variables = variables(lines);
    List<RawTarget> targets = new ArrayList<>();
    List<Pending> open = new ArrayList<>();
    boolean inDefine = false;
    for (Logical logical : lines) {
      String line =
          logical.text().startsWith("\t") ? logical.text() : withoutComment(logical.text());
      String trimmed = line.strip();
      if (inDefine) {
        inDefine = !firstWord(trimmed).equals("endef");
        continue;
      }
      if (line.startsWith("\t")) {
        if (!open.isEmpty() && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
          String command = stripRecipePrefix(expand(trimmed, variables));
          open.forEach(p -> p.addCommand(command));
        }
        continue;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      String word = firstWord(trimmed);
      if (word.equals("define") || line.matches("^(?:\\w+\\s+)*define\\s.*")) {
        inDefine = true;
        continue;
      }
      if (CONDITIONALS.contains(word)) {
        continue;
      }
      flush(open, targets);
      if (Character.isWhitespace(line.charAt(0)) || DIRECTIVES.contains(word) && !isRule(line)) {
        continue;
      }
      rule(line, logical.number(), variables).ifPresent(open::addAll);
    }
    flush(open, targets);
    return targets;
  }

  private static void flush(List<Pending> open, List<RawTarget> targets) {
    open.forEach(p -> targets.add(p.toTarget()));
    open.clear();
  }

  private static boolean isRule(String line) {
    return colonIndex(line) >= 0;
  }

  private static java.util.Optional<List<Pending>> rule(
      String line, int number, Map<String, String> variables) {
    int colon = colonIndex(line);
    if (colon < 0) {
      return java.util.Optional.empty();
    }
    String names = line.substring(0, colon);
    int after = colon + 1;
    if (after < line.length() && line.charAt(after) == ':') {
      after++;
    }
    String rest = line.substring(after);
    if (TARGET_VARIABLE.matcher(rest).find()) {
      return java.util.Optional.empty();
    }
    String inlineRecipe = null;
    int semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
      inlineRecipe = rest.substring(semicolon + 1).strip();
      rest = rest.substring(0, semicolon);
    }
    List<String> prerequisites = new ArrayList<>();
    for (String prerequisite : expand(rest, variables).split("\\s+")) {
      if (!prerequisite.isEmpty() && !prerequisite.equals("|")) {
        prerequisites.add(prerequisite);
      }
    }
    List<Pending> pending = new ArrayList<>();
    for (String name : names.strip().split("\\s+")) {
      if (isTargetName(name)) {
        Pending target = new Pending(name, number, prerequisites);
        if (inlineRecipe != null && !inlineRecipe.isEmpty()) {
          target.addCommand(stripRecipePrefix(expand(inlineRecipe, variables)));
        }
        pending.add(target);
      }
    }
    return java.util.Optional.of(pending);
  }

  /** The rule's colon, or -1 when the line is an assignment or has no colon. */
  private static int colonIndex(String line) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '(' || c == '{') {
        depth++;
      } else if (c == ')' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == '=') {
        return -1;
      } else if (depth == 0 && c == ':') {
        int next = i + 1;
        if (next < line.length() && line.charAt(next) == '=') {
          return -1;
        }
        if (line.startsWith("::=", i)) {
          return -1;
        }
        return i;
      }
    }
    return -1;
  }

  private static boolean isTargetName(String name) {
    return !name.isEmpty()
        && !name.startsWith(".")
        && !name.contains("%")
        && !name.contains("$")
        && !name.contains("=");
  }

  private static String stripRecipePrefix(String command) {
    String stripped = command;
    while (!stripped.isEmpty() && "@-+".indexOf(stripped.charAt(0)) >= 0) {
      stripped = stripped.substring(1).stripLeading();
    }
    return stripped;
  }

  private static Map<String, String> variables(List<Logical> lines) {
    Map<String, String> variables = new HashMap<>();
    variables.put("MAKE", "make");
    for (Logical logical : lines) {
      String line = logical.text();
      if (line.startsWith("\t")) {
        continue;
      }
      Matcher assignment = ASSIGNMENT.matcher(withoutComment(line).strip());
      if (assignment.matches() && colonIndex(withoutComment(line)) < 0) {
        variables.putIfAbsent(assignment.group(1), assignment.group(2).strip());
      }
    }
    return variables;
  }

  private static String expand(String text, Map<String, String> variables) {
    String current = text;
    for (int pass = 0; pass < 5 && current.contains("$"); pass++) {
      Matcher reference = VARIABLE_REFERENCE.matcher(current);
      StringBuilder expanded = new StringBuilder();
      boolean changed = false;
      while (reference.find()) {
        String value = variables.get(reference.group(1));
        if (value != null) {
          changed = true;
          reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
        } else {
          reference.appendReplacement(expanded, Matcher.quoteReplacement(reference.group()));
        }
      }
      reference.appendTail(expanded);
      current = expanded.toString();
      if (!changed) {
        break;
      }
    }
    return current;
  }

  /**
   * The files an {@code include}, {@code -include} or {@code sinclude} line names, literal or
   * through {@code $(wildcard ...)}; names built from other variables cannot be resolved.
   */
  static List<String> includes(String text) {
    List<String> names = new ArrayList<>();
    for (Logical logical : logicalLines(text)) {
      String line = logical.text();
      if (line.startsWith("\t")) {
        continue;
      }
      Matcher include = INCLUDE.matcher(withoutComment(line).strip());
      if (!include.matches()) {
        continue;
      }
      String operands = WILDCARD.matcher(include.group(1)).replaceAll("$1");
      for (String name : operands.strip().split("\\s+")) {
        if (!name.isEmpty() && !name.contains("$")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The targets a recipe line runs through {@code make}/{@code $(MAKE)}, same Makefile only. */
  static List<String> makeCalls(String command) {
    List<String> calls = new ArrayList<>();
    Matcher call = MAKE_CALL.matcher(command);
    if (!call.find() || CHANGES_FOLDER.matcher(command.substring(0, call.start())).find()) {
      // After `cd docs &&` the make call runs another folder's Makefile, not this one.
      return calls;
    }
    for (String token : call.group(1).strip().split("\\s+")) {
      if (token.equals("-C")
          || token.equals("-f")
          || token.startsWith("--directory")
          || token.startsWith("--file")
          || token.startsWith("--makefile")) {
        return List.of();
      }
      if (token.startsWith("-")) {
        continue;
      }
      if (token.isEmpty() || token.contains("=") || !token.matches("[A-Za-z0-9_][\\w.-]*")) {
        break;
      }
      calls.add(token);
    }
    return calls;
  }

  /** The line up to its first unescaped {@code #}: make comments end any non-recipe line. */
  private static String withoutComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String firstWord(String trimmed) {
    int space = trimmed.indexOf(' ');
    int tab = trimmed.indexOf('\t');
    int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }

  private static List<Logical> logicalLines(String text) {
    String[] physical = text.split("\r?\n", -1);
    List<Logical> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 1;
    for (int i = 0; i < physical.length; i++) {
      String line = physical[i];
      if (current.length() == 0) {
        start = i + 1;
      }
      if (line.endsWith("\\")) {
        String part = line.substring(0, line.length() - 1);
        current.append(current.length() == 0 ? part.stripTrailing() : part.strip()).append(' ');
        continue;
      }
      current.append(current.length() == 0 ? line : line.strip());
      lines.add(new Logical(current.toString(), start));
      current.setLength(0);
    }
    if (current.length() > 0) {
      lines.add(new Logical(current.toString(), start));
    }
    return lines;
  }

  private record Logical(String text, int number) {}

  private static final class Pending {
    private final String name;
    private final int line;
    private final List<String> prerequisites;
    private final List<String> commands = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    Pending(String name, int line, List<String> prerequisites) {
      this.name = name;
      this.line = line;
      this.prerequisites = prerequisites;
    }

    void addCommand(String command) {
      commands.add(command);
      calls.addAll(makeCalls(command));
    }

    RawTarget toTarget() {
      return new RawTarget(name, line, commands, prerequisites, calls);
    }
  }
}
