package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.cli.CliCommand;
import dev.fleetcheck.core.facts.cli.CliInventory;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit codes a repository documents (RULES-NEXT decision "Exit codes"): a number on a line of
 * {@code README*}, {@code docs/**} or the CLI's help texts that also says "exit code", "exit
 * status" or "return code", or that sits in a Markdown table or under a Markdown heading saying so;
 * and the codes a decision record (a file under an {@code adr/} or {@code decisions/} folder) names
 * on a line about exit codes.
 */
record ExitCodeDocs(Set<Integer> documented, Set<Integer> approved) {

  static final Fact<ExitCodeDocs> FACT = Fact.of("beh.exit-code-docs", ExitCodeDocs::read);

  private static final Pattern PHRASE =
      Pattern.compile(
          "exit[ _-]?(?:code|status)|return[ _-]?code|exits? with", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXIT_WORD = Pattern.compile("\\bexit", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d{1,3}(?![\\w.])");
  private static final Set<String> DOC_SUFFIXES = Set.of(".md", ".rst", ".txt", ".adoc");

  ExitCodeDocs {
    documented = Set.copyOf(documented);
    approved = Set.copyOf(approved);
  }

  private static ExitCodeDocs read(Facts facts) {
    Set<Integer> documented = new HashSet<>();
    Set<Integer> approved = new HashSet<>();
    for (SourceFile file : facts.snapshot().files()) {
      String path = file.path();
      String lower = path.toLowerCase(Locale.ROOT);
      boolean readme = !path.contains("/") && lower.startsWith("readme");
      boolean docs = lower.startsWith("docs/") || lower.startsWith("doc/");
      boolean decision = lower.contains("adr/") || lower.contains("decisions/");
      if (file.binary() || !(readme || docs || decision) || !isDoc(lower)) {
        continue;
      }
      String text = facts.snapshot().readText(path).orElse("");
      if (decision) {
        numbersOnLines(text, EXIT_WORD, approved);
      } else {
        documentedIn(text, documented);
      }
    }
    for (CliCommand command : facts.get(CliInventory.FACT).commands()) {
      for (String help : command.helpTexts()) {
        documentedIn(help, documented);
      }
    }
    return new ExitCodeDocs(documented, approved);
  }

  private static boolean isDoc(String lowerPath) {
    int dot = lowerPath.lastIndexOf('.');
    return dot < 0 || DOC_SUFFIXES.contains(lowerPath.substring(dot));
  }

  private static void numbersOnLines(String text, Pattern words, Set<Integer> into) {
    for (String line : text.split("\n", -1)) {
      if (words.matcher(line).find()) {
        numbers(line, into);
      }
    }
  }

  /** Lines that say "exit code", rows of a table whose header does, lines under such a heading. */
  private static void documentedIn(String text, Set<Integer> into) {
    boolean underHeading = false;
    boolean inTable = false;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      boolean says = PHRASE.matcher(line).find();
      if (trimmed.startsWith("#")) {
        underHeading = says;
      }
      if (trimmed.startsWith("|")) {
        inTable = inTable || says;
      } else {
        inTable = false;
      }
      if (says || underHeading || inTable) {
        numbers(line, into);
      }
    }
  }

  private static void numbers(String line, Set<Integer> into) {
    Matcher matcher = NUMBER.matcher(line);
    List<Integer> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(Integer.parseInt(matcher.group()));
    }
    into.addAll(found);
  }
}
