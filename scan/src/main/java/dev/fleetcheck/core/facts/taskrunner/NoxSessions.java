package dev.fleetcheck.core.facts.taskrunner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sessions of a noxfile.py: functions decorated with {@code @nox.session} (or {@code
 * @session}), named by the function or the decorator's {@code name=}. A session's commands are its
 * {@code session.run(...)} calls with their string arguments joined; {@code session.notify("x")}
 * runs session x.
 */
final class NoxSessions {

  private static final Pattern DECORATOR = Pattern.compile("^(\\s*)@(?:nox\\.)?session\\b(.*)$");
  private static final Pattern DEF =
      Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
  private static final Pattern NAME_ARGUMENT =
      Pattern.compile("\\bname\\s*=\\s*([\"'])([^\"']+)\\1");
  private static final Pattern RUN_CALL =
      Pattern.compile("\\bsession\\.(run|run_always|run_install|notify)\\s*\\(");
  private static final Pattern STRING_LITERAL =
      Pattern.compile("[rbfu]{0,2}([\"'])((?:(?!\\1).)*)\\1");

  private NoxSessions() {}

  static List<RawTarget> parse(String text) {
    String[] lines = text.split("\r?\n", -1);
    List<RawTarget> targets = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      Matcher decorator = DECORATOR.matcher(lines[i]);
      if (!decorator.matches()) {
        i++;
        continue;
      }
      StringBuilder decoratorText = new StringBuilder(decorator.group(2));
      int j = i + 1;
      while (j < lines.length && depth(decoratorText) > 0) {
        decoratorText.append(' ').append(lines[j].strip());
        j++;
      }
      while (j < lines.length && !DEF.matcher(lines[j]).find()) {
        if (!lines[j].strip().startsWith("@")
            && !lines[j].isBlank()
            && !lines[j].strip().startsWith(")")
            && !lines[j].startsWith(" ")) {
          break;
        }
        j++;
      }
      if (j >= lines.length) {
        break;
      }
      Matcher def = DEF.matcher(lines[j]);
      if (!def.find()) {
        i = j;
        continue;
      }
      Matcher name = NAME_ARGUMENT.matcher(decoratorText);
      String sessionName = name.find() ? name.group(2) : def.group(2);
      int indent = def.group(1).length();
      int end = j + 1;
      while (end < lines.length && (lines[end].isBlank() || indentation(lines[end]) > indent)) {
        end++;
      }
      String body = String.join("\n", java.util.Arrays.asList(lines).subList(j + 1, end));
      List<String> commands = new ArrayList<>();
      List<String> calls = new ArrayList<>();
      calls(body, commands, calls);
      targets.add(new RawTarget(sessionName, i + 1, commands, List.of(), calls));
      i = end;
    }
    return targets;
  }

  private static void calls(String body, List<String> commands, List<String> calls) {
    Matcher call = RUN_CALL.matcher(body);
    while (call.find()) {
      int open = call.end() - 1;
      int close = closingParen(body, open);
      String arguments = body.substring(open + 1, close);
      List<String> words = new ArrayList<>();
      Matcher literal = STRING_LITERAL.matcher(arguments);
      while (literal.find()) {
        String before = arguments.substring(0, literal.start());
        if (before.matches("(?s).*\\b\\w+\\s*=\\s*$")) {
          continue;
        }
        words.add(literal.group(2));
      }
      if (call.group(1).equals("notify")) {
        if (!words.isEmpty()) {
          calls.add(words.get(0));
        }
      } else if (!words.isEmpty()) {
        commands.add(String.join(" ", words));
      }
    }
  }

  private static int closingParen(String text, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return text.length();
  }

  private static int depth(CharSequence text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth;
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
      n++;
    }
    return n;
  }
}
