package dev.fleetcheck.core.facts.taskrunner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.Glob;
import dev.fleetcheck.core.facts.IniFile;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the task runner targets at every config root (RULES.md, "Task runners"): Makefile,
 * justfile, Taskfile, poe tasks, hatch scripts, nox sessions and tox environments. {@code scripts/}
 * folders and package.json are not Python task runners and are never read.
 */
public final class TaskRunners {

  public static final Fact<TaskRunnerSet> FACT = Fact.of("task.runners", TaskRunners::find);

  private static final List<String> MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
  private static final List<String> JUSTFILES = List.of("justfile", "Justfile", ".justfile");
  private static final List<String> TASKFILES =
      List.of(
          "Taskfile.yml",
          "taskfile.yml",
          "Taskfile.yaml",
          "taskfile.yaml",
          "Taskfile.dist.yml",
          "Taskfile.dist.yaml");

  private static final int MAX_INCLUDE_DEPTH = 3;

  private TaskRunners() {}

  private static TaskRunnerSet find(Facts facts) {
    List<Target> targets = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String root : facts.get(ConfigRoots.FACT)) {
      Reader reader = new Reader(facts, targets, files);
      firstExisting(facts, root, MAKEFILES).ifPresent(path -> makefile(facts, path, reader));
      firstExisting(facts, root, JUSTFILES)
          .ifPresent(path -> reader.text("just", path, JustfileParser::parse));
      firstExisting(facts, root, TASKFILES).ifPresent(path -> taskfile(facts, path, reader));
      pyproject(facts, root, reader);
      hatchToml(facts, root + "hatch.toml", reader);
      reader.text("nox", root + "noxfile.py", NoxSessions::parse);
      toxIni(facts, root + "tox.ini", "tox", reader);
      toxToml(facts, root + "tox.toml", reader);
      setupCfgTox(facts, root + "setup.cfg", reader);
    }
    return new TaskRunnerSet(targets, files);
  }

  private static Optional<String> firstExisting(Facts facts, String root, List<String> names) {
    // Make's own lookup order: GNUmakefile, makefile, Makefile.
    return names.stream().map(n -> root + n).filter(facts.snapshot()::exists).findFirst();
  }

  private static void makefile(Facts facts, String path, Reader reader) {
    Map<String, List<RawTarget>> byFile = new LinkedHashMap<>();
    readMakefile(facts, path, path.substring(0, path.lastIndexOf('/') + 1), byFile, 0);
    if (!byFile.isEmpty()) {
      reader.addAll("make", byFile);
    }
  }

  private static void readMakefile(
      Facts facts, String path, String folder, Map<String, List<RawTarget>> byFile, int depth) {
    if (byFile.containsKey(path) || depth > MAX_INCLUDE_DEPTH) {
      return;
    }
    Optional<String> text = facts.snapshot().readText(path);
    if (text.isEmpty()) {
      return;
    }
    byFile.put(path, MakefileParser.parse(text.get()));
    for (String name : MakefileParser.includes(text.get())) {
      for (String included : resolve(facts, folder, name)) {
        readMakefile(facts, included, folder, byFile, depth + 1);
      }
    }
  }

  /** Included file names, relative to the Makefile's folder, globs expanded over the snapshot. */
  private static List<String> resolve(Facts facts, String folder, String name) {
    String relative = name.startsWith("./") ? name.substring(2) : name;
    if (relative.startsWith("/") || relative.contains("..")) {
      return List.of();
    }
    if (!relative.contains("*") && !relative.contains("?") && !relative.contains("[")) {
      return List.of(folder + relative);
    }
    Glob glob = Glob.of(folder + relative);
    return facts.snapshot().files().stream()
        .map(SourceFile::path)
        .filter(glob::matches)
        .sorted()
        .toList();
  }

  private static void taskfile(Facts facts, String path, Reader reader) {
    Parsed<JsonNode> parsed = ConfigParsers.yaml(facts, path);
    if (parsed instanceof Parsed.Ok<JsonNode> ok) {
      String text = facts.snapshot().readText(path).orElse("");
      reader.add("task", path, TaskfileParser.parse(ok.value(), text));
    }
  }

  private static void pyproject(Facts facts, String root, Reader reader) {
    for (Pyproject.RootPyproject py : facts.get(Pyproject.AT_ROOTS)) {
      if (!py.root().equals(root)) {
        continue;
      }
      JsonNode poe = py.node("tool", "poe", "tasks");
      if (poe.isObject() && poe.size() > 0) {
        reader.add("poe", py.path(), PoeTasks.parse(poe, py.lines()));
      }
      JsonNode hatch = py.node("tool", "hatch", "envs");
      List<RawTarget> scripts = HatchScripts.parse(hatch, py.lines());
      if (!scripts.isEmpty()) {
        reader.add("hatch", py.path(), scripts);
      }
      JsonNode tox = py.node("tool", "tox");
      if (tox.path("legacy_tox_ini").isTextual()) {
        String legacy = tox.path("legacy_tox_ini").asText();
        try {
          reader.add(
              "tox", py.path(), ToxEnvironments.fromIni(IniFile.parse(legacy), "tox", py.text()));
        } catch (IniFile.MalformedIniException e) {
          facts.problem(
              dev.fleetcheck.core.model.Evidence.file(
                  py.path(), "malformed legacy_tox_ini: " + e.getMessage()));
        }
      } else if (tox.isObject()) {
        reader.add("tox", py.path(), ToxEnvironments.fromToml(tox, py.text()));
      }
    }
  }

  private static void hatchToml(Facts facts, String path, Reader reader) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    if (ConfigParsers.toml(facts, path) instanceof Parsed.Ok<JsonNode> ok) {
      String text = facts.snapshot().readText(path).orElse("");
      List<RawTarget> scripts = HatchScripts.parse(ok.value().path("envs"), LineIndex.of(text));
      if (!scripts.isEmpty()) {
        reader.add("hatch", path, scripts);
      }
    }
  }

  private static void toxIni(Facts facts, String path, String toxSection, Reader reader) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    if (ConfigParsers.ini(facts, path) instanceof Parsed.Ok<IniFile> ok) {
      String text = facts.snapshot().readText(path).orElse("");
      reader.add("tox", path, ToxEnvironments.fromIni(ok.value(), toxSection, text));
    }
  }

  private static void toxToml(Facts facts, String path, Reader reader) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    if (ConfigParsers.toml(facts, path) instanceof Parsed.Ok<JsonNode> ok) {
      String text = facts.snapshot().readText(path).orElse("");
      reader.add("tox", path, ToxEnvironments.fromToml(ok.value(), text));
    }
  }

  private static void setupCfgTox(Facts facts, String path, Reader reader) {
    if (!facts.snapshot().exists(path)) {
      return;
    }
    if (ConfigParsers.ini(facts, path) instanceof Parsed.Ok<IniFile> ok
        && ok.value().hasSection("tox:tox")) {
      String text = facts.snapshot().readText(path).orElse("");
      reader.add("tox", path, ToxEnvironments.fromIni(ok.value(), "tox:tox", text));
    }
  }

  /** Collects one root's runner files into the shared lists. */
  private record Reader(Facts facts, List<Target> targets, List<String> files) {

    void text(String runner, String path, java.util.function.Function<String, List<RawTarget>> p) {
      facts.snapshot().readText(path).ifPresent(text -> add(runner, path, p.apply(text)));
    }

    void addAll(String runner, Map<String, List<RawTarget>> byFile) {
      byFile.keySet().stream().filter(p -> !files.contains(p)).forEach(files::add);
      targets.addAll(new RunnerFile(runner, byFile).resolve());
    }

    void add(String runner, String path, List<RawTarget> raw) {
      if (!files.contains(path)) {
        files.add(path);
      }
      targets.addAll(new RunnerFile(runner, path, raw).resolve());
    }
  }
}
