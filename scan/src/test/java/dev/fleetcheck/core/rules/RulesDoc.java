package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the rule tables of docs/rules.md from the one source, the specs of {@link StandardRules}
 * and the catalogue: the section between {@link #BEGIN} and {@link #END}; the prose around it is
 * written by hand. {@code make docs} runs {@link #main}; {@code RulesDocTest} fails when the page
 * is stale.
 */
public final class RulesDoc {

  static final String BEGIN =
      "<!-- generated: rules (make docs writes this section from the rule specs; do not edit) -->";
  static final String END = "<!-- end generated: rules -->";
  static final String REGENERATE = "make docs";

  /** Where the rule sources sit, relative to docs/. */
  private static final String SOURCES = "../scan/src/main/java/";

  /** The family names of the standard's rule IDs; a family not listed shows its code alone. */
  private static final Map<String, String> FAMILIES =
      Map.ofEntries(
          Map.entry("AI", "AI features"),
          Map.entry("API", "APIs"),
          Map.entry("BEH", "Behaviour"),
          Map.entry("CFG", "Configuration"),
          Map.entry("CODE", "Code"),
          Map.entry("CTR", "Contracts (CLI and API)"),
          Map.entry("DATA", "Data"),
          Map.entry("DOC", "Documentation"),
          Map.entry("ERR", "Errors"),
          Map.entry("EXT", "External services and emulators"),
          Map.entry("IO", "Input and output"),
          Map.entry("LCL", "Local development and toolchain"),
          Map.entry("OBS", "Observability"),
          Map.entry("OP", "Operations"),
          Map.entry("PERF", "Performance"),
          Map.entry("PKG", "Packaging"),
          Map.entry("QG", "Quality gates"),
          Map.entry("SEC", "Security"),
          Map.entry("STYLE", "Style"),
          Map.entry("TST", "Tests"),
          Map.entry("TUI", "Terminal UIs"));

  private RulesDoc() {}

  /** Rewrites the generated section of the page given as the only argument (docs/rules.md). */
  public static void main(String[] args) throws IOException {
    Path page = Path.of(args.length == 0 ? "docs/rules.md" : args[0]);
    Files.writeString(page, splice(Files.readString(page), section(RulePack.standard())));
  }

  /** The page with its generated section replaced by {@code section}. */
  static String splice(String page, String section) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "docs/rules.md needs the markers " + BEGIN + " and " + END + ", in that order");
    }
    return page.substring(0, begin) + section + page.substring(end + END.length());
  }

  /** The generated section, markers included: the counts, then one table per ID family. */
  static String section(RulePack pack) {
    List<RuleMeta> checked = pack.metas().stream().filter(m -> m.kind().checked()).toList();
    long automated = checked.stream().filter(m -> m.kind() == RuleKind.AUTOMATED).count();
    long assisted = checked.stream().filter(m -> m.kind() == RuleKind.ASSISTED).count();
    StringBuilder out = new StringBuilder(BEGIN).append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Of the %d rules, %d have a check: %d are automated and %d are assisted; the other %d"
                + " are `MANUAL`.\n",
            pack.metas().size(),
            checked.size(),
            automated,
            assisted,
            pack.metas().size() - checked.size()));
    Map<String, List<RuleMeta>> byFamily =
        checked.stream()
            .sorted(Comparator.comparingInt(RulesDoc::number))
            .collect(Collectors.groupingBy(RulesDoc::family, TreeMap::new, Collectors.toList()));
    byFamily.forEach(
        (family, metas) -> {
          out.append("\n### PY-").append(family);
          if (FAMILIES.containsKey(family)) {
            out.append(": ").append(FAMILIES.get(family));
          }
          out.append(
              "\n\n| ID | level | profiles | kind | title | definition | effort | class |\n");
          out.append("|---|---|---|---|---|---|---|---|\n");
          metas.forEach(meta -> out.append(row(meta, pack.rule(meta.id()).orElseThrow())));
        });
    return out.append('\n').append(END).toString();
  }

  private static String row(RuleMeta meta, Rule rule) {
    RuleSpec spec = rule.spec();
    String source = rule.getClass().getName().replace('.', '/') + ".java";
    return "| "
        + String.join(
            " | ",
            meta.id(),
            meta.level().id(),
            meta.profiles().stream().map(Profile::id).sorted().collect(Collectors.joining(", ")),
            meta.kind().id(),
            cell(meta.title()),
            cell(spec.definition().orElse("")),
            spec.effort().map(e -> e.name().toLowerCase(Locale.ROOT)).orElse(""),
            "[`" + rule.getClass().getSimpleName() + "`](" + SOURCES + source + ")")
        + " |\n";
  }

  /** A table cell: one line, its pipes escaped. */
  private static String cell(String text) {
    return text.replace("\n", " ").replace("|", "\\|");
  }

  private static String family(RuleMeta meta) {
    return meta.id().split("-")[1];
  }

  private static int number(RuleMeta meta) {
    return Integer.parseInt(meta.id().split("-")[2]);
  }
}
