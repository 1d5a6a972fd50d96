package dev.fleetcheck.functions.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;

/** Temporary git repositories and the static inventory that lists them as file:// URLs. */
final class TestFleet {

  private final Path fleet;
  final Path inventory;

  TestFleet(Path dir) throws Exception {
    fleet = Files.createDirectories(dir.resolve("fleet"));
    inventory = dir.resolve("fleet.yaml");
  }

  /** A Python project committed on main. */
  void repository(String name) throws Exception {
    Path repo = Files.createDirectories(fleet.resolve(name));
    Files.writeString(repo.resolve("pyproject.toml"), "[project]\nname = \"" + name + "\"\n");
    Files.writeString(repo.resolve("app.py"), "print('hello')\n");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("init")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .setSign(false)
          .call();
    }
  }

  /** A repository with no commit: every clone fails (clone_failed), a failure worth retrying. */
  void emptyRepository(String name) throws Exception {
    Path repo = Files.createDirectories(fleet.resolve(name));
    Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
  }

  /** Writes the inventory: these repositories, in this order. */
  Path inventory(List<String> names) throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (String name : names) {
      yaml.append("- url: ")
          .append(fleet.resolve(name).toUri())
          .append("\n  name: ")
          .append(name)
          .append('\n');
    }
    return Files.writeString(inventory, yaml.toString());
  }
}
