package dev.fleetcheck.core.facts.python;

import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lock files at the config roots ({@code uv.lock}, {@code poetry.lock}, {@code pdm.lock}, {@code
 * Pipfile.lock}, {@code pylock.toml}/{@code pylock.NAME.toml}), plus {@code uv.lock} at any uv
 * workspace root (a folder whose pyproject.toml declares {@code [tool.uv.workspace]}) outside test
 * and example code.
 */
public final class LockFiles {

  public static final Fact<List<LockFile>> FACT = Fact.of("lock.files", LockFiles::find);

  private static final Map<String, String> BY_NAME =
      Map.of(
          "uv.lock", "uv",
          "poetry.lock", "poetry",
          "pdm.lock", "pdm",
          "Pipfile.lock", "pipenv");

  private static final Pattern PYLOCK = Pattern.compile("pylock(\\.[^.]+)?\\.toml");

  private LockFiles() {}

  private static List<LockFile> find(Facts facts) {
    List<LockFile> found = new ArrayList<>();
    List<String> roots = facts.get(ConfigRoots.FACT);
    ProfileScope scope = facts.get(ProfileScope.FACT);
    for (SourceFile file : facts.snapshot().files()) {
      String folder = file.parent().isEmpty() ? "" : file.parent() + "/";
      String name = file.name();
      if (roots.contains(folder)) {
        if (BY_NAME.containsKey(name)) {
          found.add(new LockFile(file.path(), BY_NAME.get(name)));
        } else if (name.startsWith("pylock") && PYLOCK.matcher(name).matches()) {
          found.add(new LockFile(file.path(), "pip (PEP 751)"));
        }
      } else if (name.equals("uv.lock") && scope.decides(file) && isWorkspaceRoot(facts, folder)) {
        found.add(new LockFile(file.path(), "uv"));
      }
    }
    return List.copyOf(found);
  }

  private static boolean isWorkspaceRoot(Facts facts, String folder) {
    return ConfigParsers.toml(facts, folder + Pyproject.FILE)
        .asOptional()
        .map(toml -> toml.path("tool").path("uv").path("workspace").isObject())
        .orElse(false);
  }
}
