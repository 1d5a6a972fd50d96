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
    Set<String> ruleIds = new LinkedHashSet<>();
    int waivesLine = 0;
    String expiresText = null;
    String rationale = null;
    String[] lines = text.split("\r?\n", -1);
    boolean inRationaleSection = false;
    StringBuilder rationaleBody = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher m;
      if ((m = WAIVES.matcher(line)).matches()) {
        Matcher ids = RULE_ID.matcher(m.group(1));
        while (ids.find()) {
          ruleIds.add(ids.group());
        }
        waivesLine = waivesLine == 0 ? i + 1 : waivesLine;
        inRationaleSection = false;
      } else if ((m = EXPIRES.matcher(line)).matches() && expiresText == null) {
        expiresText = m.group(1).trim();
        inRationaleSection = false;
      } else if ((m = RATIONALE_FIELD.matcher(line)).matches()) {
        rationale = m.group(1).trim();
        inRationaleSection = false;
      } else if (RATIONALE_HEADING.matcher(line).matches()) {
        inRationaleSection = true;
      } else if (line.startsWith("#")) {
        inRationaleSection = false;
      } else if (inRationaleSection && !line.isBlank() && !line.equals("---")) {
        rationaleBody.append(line.trim()).append(' ');
      }
    }
    if (ruleIds.isEmpty()) {
      return; // an ordinary decision record, not a waiver
    }
    if (rationale == null && rationaleBody.length() > 0) {
      rationale = rationaleBody.toString().trim();
    }
    List<String> missing = new ArrayList<>();
    LocalDate expires = null;
    if (expiresText == null) {
      missing.add("an Expires: date");
    } else {
      Matcher date = DATE.matcher(expiresText);
      try {
        expires = date.find() ? LocalDate.parse(date.group()) : null;
      } catch (DateTimeParseException e) {
        expires = null;
      }
      if (expires == null) {
        missing.add("a valid Expires: date (YYYY-MM-DD), found '" + abbreviate(expiresText) + "'");
      }
    }
    if (rationale == null || rationale.isBlank()) {
      missing.add("a rationale");
    }
    if (!missing.isEmpty()) {
      invalid.add(
          Evidence.at(
              path,
              waivesLine,
              "invalid waiver for "
                  + String.join(", ", ruleIds)
                  + ": missing "
                  + String.join(" and ", missing)));
      return;
    }
    waivers.add(new Waiver(path, List.copyOf(ruleIds), expires, abbreviate(rationale)));
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
