package dev.fleetcheck.cli.demo;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The demo fleet: one git repository per folder of {@code examples/}, kept under the data dir. A
 * repository that exists is reused; it gets a new commit only when its example changed, so a second
 * demo run scans the same commits and shows an unchanged trend, and an edited example shows its
 * change.
 */
public final class DemoFleet {

  /**
   * One demo repository: its name, work tree and HEAD commit. Its team comes from its CODEOWNERS
   * when it is scanned.
   */
  public record DemoRepository(String name, Path folder, String commit) {}

  private DemoFleet() {}

  /**
   * Creates or refreshes a repository under {@code repositories} for every folder of {@code
   * examples}, in name order.
   *
   * @throws FleetcheckException INVALID_ARGUMENT when {@code examples} holds no folder, IO_ERROR
   *     when the repositories cannot be written
   */
  public static List<DemoRepository> prepare(Path examples, Path repositories, Clock clock) {
    List<Path> folders;
    try (Stream<Path> children = Files.list(examples)) {
      folders =
          children
              .filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "no examples folder at " + examples, e);
    }
    if (folders.isEmpty()) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "the examples folder " + examples + " holds no project");
    }
    List<DemoRepository> prepared = new ArrayList<>();
    for (Path example : folders) {
      String name = example.getFileName().toString();
      Path target = repositories.resolve(name);
      try {
        String commit = sync(example, target, clock);
        prepared.add(new DemoRepository(name, target, commit));
      } catch (IOException | GitAPIException e) {
        throw new FleetcheckException(
            ErrorCode.IO_ERROR, "cannot prepare the demo repository " + target, e);
      }
    }
    return prepared;
  }

  private static String sync(Path example, Path target, Clock clock)
      throws IOException, GitAPIException {
    boolean exists = Files.isDirectory(target.resolve(Constants.DOT_GIT));
    if (!exists) {
      Files.createDirectories(target);
      Git.init().setDirectory(target.toFile()).setInitialBranch("main").call().close();
    }
    clearWorkTree(target);
    copyTree(example, target);
    try (Git git = Git.open(target.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      boolean changed = !git.status().call().isClean();
      if (changed || !exists || git.getRepository().resolve(Constants.HEAD) == null) {
        PersonIdent who =
            new PersonIdent(
                "Fleetcheck demo", "demo@fleetcheck.invalid", clock.instant(), ZoneOffset.UTC);
        git.commit()
            .setMessage("Demo snapshot of " + target.getFileName())
            .setAuthor(who)
            .setCommitter(who)
            .setSign(false)
            .setAllowEmpty(true)
            .call();
      }
      return git.getRepository().resolve(Constants.HEAD).name();
    }
  }

  /** Removes everything but {@code .git}, so files deleted from the example disappear too. */
  private static void clearWorkTree(Path root) throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        if (!child.getFileName().toString().equals(Constants.DOT_GIT)) {
          deleteTree(child);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.REPLACE_EXISTING);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
