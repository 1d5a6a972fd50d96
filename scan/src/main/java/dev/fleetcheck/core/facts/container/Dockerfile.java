package dev.fleetcheck.core.facts.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instructions: comments and parser directives dropped, continuation lines
 * joined (honouring an {@code # escape=} directive), heredoc bodies skipped.
 */
public final class Dockerfile {

  private static final Pattern ESCAPE_DIRECTIVE =
      Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)(?:\\s+(.*))?$");
  private static final Pattern HEREDOC =
      Pattern.compile("<<-?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

  private Dockerfile() {}

  public static List<DockerInstruction> parse(String text) {
    String[] lines = text.split("\r?\n", -1);
    char escape = '\\';
    for (String line : lines) {
      Matcher directive = ESCAPE_DIRECTIVE.matcher(line.strip());
      if (directive.find()) {
        escape = directive.group(1).charAt(0);
        break;
      }
      if (!line.strip().startsWith("#") && !line.isBlank()) {
        break;
      }
    }
    List<DockerInstruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (current.length() == 0) {
        if (stripped.isEmpty() || stripped.startsWith("#")) {
          continue;
        }
        start = i + 1;
      } else if (stripped.startsWith("#")) {
        continue;
      }
      String trimmedEnd = line.stripTrailing();
      if (!trimmedEnd.isEmpty() && trimmedEnd.charAt(trimmedEnd.length() - 1) == escape) {
        current.append(trimmedEnd.substring(0, trimmedEnd.length() - 1).strip()).append(' ');
        continue;
      }
      current.append(line.strip());
      Matcher instruction = INSTRUCTION.matcher(current.toString().strip());
      current.setLength(0);
      if (!instruction.matches()) {
        continue;
      }
      String arguments = instruction.group(2) == null ? "" : instruction.group(2).strip();
      instructions.add(
          new DockerInstruction(instruction.group(1).toUpperCase(Locale.ROOT), arguments, start));
      Matcher heredoc = HEREDOC.matcher(arguments);
      if (heredoc.find()) {
        String terminator = heredoc.group(1);
        while (i + 1 < lines.length && !lines[i + 1].strip().equals(terminator)) {
          i++;
        }
        i++;
      }
    }
    return instructions;
  }
}
