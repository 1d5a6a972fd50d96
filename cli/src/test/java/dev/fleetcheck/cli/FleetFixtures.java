package dev.fleetcheck.cli;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;

/** Fleets of small git repositories and their inventory files, built by the tests. */
final class FleetFixtures {

  private FleetFixtures() {}

  /** {@code count} Python repositories named repo-00, repo-01, ... under {@code folder}. */
  static List<Path> repositories(Path folder, int count) {
    List<Path> repos = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("repo-%02d", i);
      repos.add(
          FixtureRepo.in(folder.resolve(name))
              .python()
              .file("src/" + name.replace('-', '_') + "/__init__.py", "VALUE = " + i + "\n")
              .file("README.md", "# " + name + "\n")
              .file("tests/test_value.py", "def test_value():\n    assert True\n")
              .git()
              .build());
    }
    return repos;
  }

  /** An inventory YAML listing each repository at the URL {@code urls} gives, team by index. */
  static Path inventory(Path file, List<Path> repos, Function<Path, String> urls)
      throws IOException {
    StringBuilder yaml = new StringBuilder("repositories:\n");
    for (int i = 0; i < repos.size(); i++) {
      Path repo = repos.get(i);
      yaml.append("  - name: ").append(repo.getFileName()).append('\n');
      yaml.append("    url: \"").append(urls.apply(repo)).append("\"\n");
      yaml.append("    team: team-").append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml.toString());
    return file;
  }

  static String fileUrl(Path repo) {
    return repo.toUri().toString();
  }

  /** Deletes {@code path} from the repository and commits; answers the new HEAD. */
  static String commitDeletion(Path repo, String path) throws IOException, GitAPIException {
    Files.delete(repo.resolve(path));
    try (Git git = Git.open(repo.toFile())) {
      git.rm().addFilepattern(path).call();
      PersonIdent who =
          new PersonIdent(
              "Fixture",
              "fixture@example.invalid",
              FixtureRepo.NOW.plusSeconds(60),
              ZoneOffset.UTC);
      git.commit()
          .setMessage("remove " + path)
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .call();
      return git.getRepository().resolve(Constants.HEAD).name();
    }
  }

  static String head(Path repo) throws IOException {
    try (Git git = Git.open(repo.toFile())) {
      return git.getRepository().resolve(Constants.HEAD).name();
    }
  }
}
