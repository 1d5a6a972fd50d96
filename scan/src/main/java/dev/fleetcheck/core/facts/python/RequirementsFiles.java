package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The pip requirements files at the config roots ({@link #FACT}): {@code *requirements*.txt} and
 * {@code .in} beside the root's pyproject, and every {@code .txt}/{@code .in} in a {@code
 * requirements/} folder there; and the same files anywhere in product code ({@link
 * #IN_PRODUCT_CODE}), which adds those of each function or service ({@code services/a/}, a SAM
 * function's {@code CodeUri} folder). Options ({@code -r}, {@code -c}, {@code -e}, {@code --hash},
 * index URLs), local paths and bare URLs are skipped: they name no project to pin.
 */
public final class RequirementsFiles {

  public static final Fact<List<RequirementsFile>> FACT =
      Fact.of("requirements.files", RequirementsFiles::read);

  public static final Fact<List<RequirementsFile>> IN_PRODUCT_CODE =
      Fact.of("requirements.files.product", RequirementsFiles::readProductCode);

  /** One requirement line of a file. */
  public record Entry(Requirement requirement, String text, int line) {}

  /** One requirements file and its requirement lines. */
  public record RequirementsFile(String path, List<Entry> entries) {
    public RequirementsFile {
      entries = List.copyOf(entries);
    }

    /** A compiled/locked file ends in .txt; .in files are pip-tools inputs. */
    public boolean isInput() {
      return path.endsWith(".in");
    }
  }

  private RequirementsFiles() {}

  /** Whether {@code file} is a requirements file of config root {@code root}. */
  static boolean isRequirementsFile(SourceFile file, String root) {
    String path = file.path();
    if (!path.startsWith(root) || !(path.endsWith(".txt") || path.endsWith(".in"))) {
      return false;
    }
    String rest = path.substring(root.length());
    if (!rest.contains("/")) {
      return rest.contains("requirements");
    }
    return rest.startsWith("requirements/") && rest.indexOf('/', "requirements/".length()) < 0;
  }

  /** Whether {@code file} is a requirements file of whatever folder holds it. */
  static boolean isRequirementsFile(SourceFile file) {
    String path = file.path();
    if (!(path.endsWith(".txt") || path.endsWith(".in"))) {
      return false;
    }
    String parent = file.parent();
    return file.name().contains("requirements")
        || parent.equals("requirements")
        || parent.endsWith("/requirements");
  }

  private static List<RequirementsFile> read(Facts facts) {
    List<String> roots = facts.get(ConfigRoots.FACT);
    return read(
        facts,
        file -> !file.testCode() && roots.stream().anyMatch(r -> isRequirementsFile(file, r)));
  }

  private static List<RequirementsFile> readProductCode(Facts facts) {
    ProfileScope scope = facts.get(ProfileScope.FACT);
    return read(facts, file -> isRequirementsFile(file) && scope.decides(file));
  }

  private static List<RequirementsFile> read(Facts facts, Predicate<SourceFile> wanted) {
    List<RequirementsFile> files = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (wanted.test(file)) {
        facts
            .snapshot()
            .readText(file.path())
            .ifPresent(text -> files.add(new RequirementsFile(file.path(), parse(text))));
      }
    }
    return List.copyOf(files);
  }

  static List<Entry> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder logical = new StringBuilder();
    int startLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (logical.length() == 0) {
        startLine = i + 1;
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      entry(logical.toString(), startLine).ifPresent(entries::add);
      logical.setLength(0);
    }
    if (logical.length() > 0) {
      entry(logical.toString(), startLine).ifPresent(entries::add);
    }
    return entries;
  }

  private static Optional<Entry> entry(String logicalLine, int line) {
    String text = stripComment(logicalLine).strip();
    int option = text.indexOf(" -");
    if (option >= 0) {
      text = text.substring(0, option).strip();
    }
    if (text.isEmpty() || text.startsWith("-") || looksLikePathOrUrl(text)) {
      return Optional.empty();
    }
    final String requirementText = text;
    return Requirement.parse(text).map(r -> new Entry(r, requirementText, line));
  }

  private static boolean looksLikePathOrUrl(String text) {
    if (text.startsWith(".") || text.startsWith("/") || text.startsWith("~")) {
      return true;
    }
    int scheme = text.indexOf("://");
    int at = text.indexOf('@');
    boolean url = scheme >= 0 && (at < 0 || at > scheme);
    boolean pathBeforeSpecifier = text.matches("^[^=<>~!;@\\s]*[/\\\\].*") && at < 0;
    return url || pathBeforeSpecifier || text.startsWith("file:");
  }

  private static String stripComment(String line) {
    if (line.startsWith("#")) {
      return "";
    }
    int hash = line.indexOf(" #");
    int tab = line.indexOf("\t#");
    int cut = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
    return cut < 0 ? line : line.substring(0, cut);
  }
}
