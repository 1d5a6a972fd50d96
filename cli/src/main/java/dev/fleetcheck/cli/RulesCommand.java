package dev.fleetcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.cli.config.Setting;
import dev.fleetcheck.cli.config.Settings;
import dev.fleetcheck.core.catalogue.Catalogue;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import dev.fleetcheck.core.model.RuleMeta;
import dev.fleetcheck.core.rules.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetcheck rules}: the rule catalogue, as a table or as JSON. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    headerHeading = "%n",
    header = "List every rule of the standard with its level and how it is judged.",
    description = {
      "Lists all 314 rules in the standard's order: ID, section, level, kind, profiles and title."
          + " The kind says how a rule is judged: automated (the check gives PASS or FAIL),"
          + " assisted (FAIL on an evident violation, otherwise MANUAL with the note \"no"
          + " evident violation found\") or manual (a person judges it; MANUAL in reports).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  fleetcheck rules",
      "  fleetcheck rules --format json > rules.json",
      "  fleetcheck rules --kind assisted",
      "  fleetcheck rules | grep required"
    })
final class RulesCommand implements Callable<Integer> {

  private static final int TITLE_WIDTH = 70;

  private final CliEnvironment env;

  @Mixin LoggingOptions logging;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = ListFormatConverter.class,
      description = "text or json (default: text; FLEETCHECK_FORMAT).")
  ListFormat format;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      converter = KindConverter.class,
      description = "Only rules of this kind: automated, assisted or manual (default: all).")
  RuleKind kind;

  @Mixin ConfigOptions config;

  /** The formats of {@code rules --format}. */
  enum ListFormat {
    TEXT,
    JSON
  }

  RulesCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings =
        config.resolve(
            env,
            new ConfigOptions.Flags()
                .put(Setting.FORMAT, format)
                .put(Setting.LOG_FORMAT, logging.logFormat)
                .toMap());
    format = settings.get(Setting.FORMAT, t -> Names.parse(ListFormat.class, t), ListFormat.TEXT);
    EventLog log = logging.open(env, settings);
    try {
      RulePack pack = env.pack();
      env.out().print(format == ListFormat.JSON ? json(pack, kind) : text(pack, kind));
      env.out().flush();
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return Failures.report(log, e);
    }
  }

  /** The rules {@code --kind} keeps, in the standard's order; all of them without the option. */
  private static List<RuleMeta> selected(RulePack pack, RuleKind kind) {
    return pack.metas().stream().filter(m -> kind == null || m.kind() == kind).toList();
  }

  static String json(RulePack pack, RuleKind kind) {
    List<RuleMeta> selected = selected(pack, kind);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("standard_version", Catalogue.STANDARD_VERSION);
    root.put("rule_pack_digest", pack.digest());
    root.put("count", selected.size());
    ObjectNode kinds = root.putObject("kinds");
    for (RuleKind each : RuleKind.values()) {
      kinds.put(each.id(), selected.stream().filter(m -> m.kind() == each).count());
    }
    ArrayNode rules = root.putArray("rules");
    for (RuleMeta meta : selected) {
      ObjectNode rule = rules.addObject();
      rule.put("id", meta.id());
      rule.put("section", meta.section());
      rule.put("level", meta.level().id());
      rule.put("title", meta.title());
      rule.put("kind", meta.kind().id());
      rule.put("automated", meta.automated());
      ArrayNode profiles = rule.putArray("profiles");
      profileIds(meta).forEach(profiles::add);
    }
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  static String text(RulePack pack, RuleKind kind) {
    List<RuleMeta> selected = selected(pack, kind);
    StringBuilder out = new StringBuilder();
    String row = "%-14s %-7s %-12s %-9s %-18s %s%n";
    out.append(String.format(row, "ID", "SECTION", "LEVEL", "KIND", "PROFILES", "TITLE"));
    for (RuleMeta meta : selected) {
      String title = meta.title().replace('\n', ' ');
      out.append(
          String.format(
              row,
              meta.id(),
              meta.section(),
              meta.level().id(),
              meta.kind().id(),
              String.join(",", profileIds(meta)),
              title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 3) + "..."));
    }
    List<String> kinds = new ArrayList<>();
    for (RuleKind each : RuleKind.values()) {
      kinds.add(selected.stream().filter(m -> m.kind() == each).count() + " " + each.id());
    }
    out.append(
        String.format(
            "%n%d rules: %s; standard %s%n",
            selected.size(), String.join(", ", kinds), Catalogue.STANDARD_VERSION));
    return out.toString();
  }

  private static List<String> profileIds(RuleMeta meta) {
    return meta.profiles().stream().map(Profile::id).sorted().toList();
  }

  static final class KindConverter extends LowerCaseEnumConverter<RuleKind> {
    KindConverter() {
      super(RuleKind.class);
    }
  }

  static final class ListFormatConverter extends LowerCaseEnumConverter<ListFormat> {
    ListFormatConverter() {
      super(ListFormat.class);
    }
  }
}
