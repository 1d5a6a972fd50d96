package dev.fleetcheck.core.waiver;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Waiver;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads decision records that waive rules (RULES.md, "Exceptions: decision records with expiry"):
 * Markdown under the decision folders with a {@code Waives:} line (or front matter {@code
 * waives:}), an {@code Expires:} date and a rationale.
 */
public final class WaiverRecords {

  public static final Fact<WaiverSet> FACT = Fact.of("waivers", WaiverRecords::read);

  private static final List<String> FOLDERS =
      List.of("docs/adr/", "docs/decisions/", "doc/adr/", "adr/", "decisions/");
  private static final Pattern RULE_ID = Pattern.compile("PY-[A-Z]+-\\d{3}");
  private static final Pattern WAIVES =
      Pattern.compile(
          "^\\s*(?:[-*]\\s*)?\\**waives\\**\\s*:\\**\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXPIRES =
      Pattern.compile(
          "^\\s*(?:[-*]\\s*)?\\**expires\\**\\s*:\\**\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern RATIONALE_HEADING =
      Pattern.compile("^#{1,6}\\s*rationale\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern RATIONALE_FIELD =
      Pattern.compile(
          "^\\s*(?:[-*]\\s*)?\\**rationale\\**\\s*:\\**\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private WaiverRecords() {}

  static WaiverSet read(Facts facts) {
    List<Waiver> waivers = new ArrayList<>();
    List<Evidence> invalid = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (!isDecisionRecord(file.path())) {
        continue;
      }
      facts
          .snapshot()
          .readText(file.path())
          .ifPresent(text -> parse(file.path(), text, waivers, invalid));
    }
    invalid.forEach(facts::problem);
    return new WaiverSet(waivers, invalid);
  }

  private static boolean isDecisionRecord(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
      return false;
    }
    return FOLDERS.stream().anyMatch(lower::startsWith);
  }

  static void parse(String path, String text, List<Waiver> waivers, List<Evidence> invalid) {
    String[] lines = text.split("\r?\n", -1);
    Fields fields = new Fields();
    int bodyStart = FrontMatter.read(lines, fields);
    readBody(lines, bodyStart, fields);
    if (fields.ruleIds.isEmpty()) {
      return; // an ordinary decision record, not a waiver
    }
    List<String> missing = new ArrayList<>();
    LocalDate expires = null;
    if (fields.expiresText == null) {
      missing.add("an Expires: date");
    } else {
      expires = dateIn(fields.expiresText);
      if (expires == null) {
        missing.add(
            "a valid Expires: date (YYYY-MM-DD), found '" + abbreviate(fields.expiresText) + "'");
      }
    }
    if (fields.rationale == null || fields.rationale.isBlank()) {
      missing.add("a rationale");
    }
    if (!missing.isEmpty()) {
      invalid.add(
          Evidence.at(
              path,
              fields.waivesLine,
              "invalid waiver for "
                  + String.join(", ", fields.ruleIds)
                  + ": missing "
                  + String.join(" and ", missing)));
      return;
    }
    waivers.add(
        new Waiver(path, List.copyOf(fields.ruleIds), expires, abbreviate(fields.rationale)));
  }

  /** The Markdown body: {@code Waives:}/{@code Expires:}/{@code Rationale:} lines or headings. */
  private static void readBody(String[] lines, int from, Fields fields) {
    boolean inRationaleSection = false;
    StringBuilder rationaleBody = new StringBuilder();
    for (int i = from; i < lines.length; i++) {
      String line = lines[i];
      Matcher m;
      if ((m = WAIVES.matcher(line)).matches()) {
        fields.addRuleIds(m.group(1), i + 1);
        inRationaleSection = false;
      } else if ((m = EXPIRES.matcher(line)).matches() && fields.expiresText == null) {
        fields.expiresText = m.group(1).trim();
        inRationaleSection = false;
      } else if ((m = RATIONALE_FIELD.matcher(line)).matches()) {
        fields.rationale = m.group(1).trim();
        inRationaleSection = false;
      } else if (RATIONALE_HEADING.matcher(line).matches()) {
        inRationaleSection = true;
      } else if (line.startsWith("#")) {
        inRationaleSection = false;
      } else if (inRationaleSection && !line.isBlank() && !line.equals("---")) {
        rationaleBody.append(line.trim()).append(' ');
      }
    }
    if (fields.rationale == null && rationaleBody.length() > 0) {
      fields.rationale = rationaleBody.toString().trim();
    }
  }

  private static LocalDate dateIn(String text) {
    Matcher date = DATE.matcher(text);
    try {
      return date.find() ? LocalDate.parse(date.group()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** What a record says, gathered from its front matter and its body. */
  static final class Fields {
    final Set<String> ruleIds = new LinkedHashSet<>();
    int waivesLine;
    String expiresText;
    String rationale;

    void addRuleIds(String text, int line) {
      Matcher ids = RULE_ID.matcher(text);
      boolean found = false;
      while (ids.find()) {
        ruleIds.add(ids.group());
        found = true;
      }
      if (found && waivesLine == 0) {
        waivesLine = line;
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
