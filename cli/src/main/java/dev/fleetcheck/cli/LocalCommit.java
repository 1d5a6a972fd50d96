package dev.fleetcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryBuilder;

/** The commit a local folder has checked out, when the folder is the top of a git work tree. */
final class LocalCommit {

  private LocalCommit() {}

  /** The full SHA of HEAD, or "" when the folder is not a git work tree or has no commit yet. */
  static String of(Path folder) {
    if (!Files.exists(folder.resolve(Constants.DOT_GIT))) {
      return "";
    }
    try (Repository repository =
        new RepositoryBuilder().setWorkTree(folder.toFile()).setMustExist(true).build()) {
      ObjectId head = repository.resolve(Constants.HEAD);
      return head == null ? "" : head.name();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
