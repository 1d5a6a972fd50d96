package dev.fleetcheck.core.snapshot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} files in force for one folder of a walk: its own and its ancestors', with
 * git's precedence (the deepest file that has an opinion decides; within a file, the last matching
 * pattern). Pattern semantics are JGit's, which follows git's.
 */
final class GitignoreRules {

  /** Largest {@code .gitignore} applied; a bigger one is noted and ignored. */
  static final long MAX_GITIGNORE_BYTES = 1024 * 1024;

  private final String folder;
  private final IgnoreNode rules;
  private final GitignoreRules parent;

  private GitignoreRules(String folder, IgnoreNode rules, GitignoreRules parent) {
    this.folder = folder;
    this.rules = rules;
    this.parent = parent;
  }

  /**
   * The rules of {@code folder} (repository-relative, empty for the root) given its {@code
   * .gitignore} content, layered over {@code parent} (null at the top).
   */
  static GitignoreRules layer(String folder, byte[] gitignore, GitignoreRules parent)
      throws IOException {
    IgnoreNode node = new IgnoreNode();
    node.parse(
        folder.isEmpty() ? ".gitignore" : folder + "/.gitignore",
        new ByteArrayInputStream(gitignore));
    return new GitignoreRules(folder, node, parent);
  }

  /** Whether a repository-relative path inside this folder is ignored. */
  static boolean ignored(GitignoreRules innermost, String path, boolean isFolder) {
    for (GitignoreRules layer = innermost; layer != null; layer = layer.parent) {
      String local = layer.folder.isEmpty() ? path : path.substring(layer.folder.length() + 1);
      Boolean decision = layer.rules.checkIgnored(local, isFolder);
      if (decision != null) {
        return decision;
      }
    }
    return false;
  }
}
