package dev.fleetcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** The commit a local folder has checked out, when the folder is the top of a git work tree. */
final class LocalCommit {

  private LocalCommit() {}

  /** The full SHA of HEAD, or "" when the folder is not a git work tree or has no commit yet. */
  static String of(Path folder) {
    if (!Files.exists(folder.resolve(Constants.DOT_GIT))) {
      return "";
    }
    withoutSystemGitConfig();
    try (Repository repository =
        new RepositoryBuilder().setWorkTree(folder.toFile()).setMustExist(true).build()) {
      ObjectId head = repository.resolve(Constants.HEAD);
      return head == null ? "" : head.name();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Tells JGit there is no system-wide git configuration. To find that file JGit otherwise starts
   * two processes, {@code git --version} and {@code git config --system --list}, on the first
   * repository it opens: tens of milliseconds of a cold {@code fleetcheck scan}
   * (docs/adr/0031-cold-scan-measured-settings.md). Which commit HEAD names never depends on the
   * system configuration (refs and their storage are the repository's own), and fleetcheck's clones
   * ignore the host's configuration altogether (vcs {@code IsolatedGitConfig}).
   */
  private static void withoutSystemGitConfig() {
    FS.DETECTED.setGitSystemConfig(null);
  }
}
