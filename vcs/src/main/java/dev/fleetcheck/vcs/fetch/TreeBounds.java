package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Measures the tree about to be checked out, from the object database, before a single file is
 * written: a tree over the file-count or size bound is refused without touching the disk.
 */
final class TreeBounds {

  private TreeBounds() {}

  static void check(Repository repo, RevTree tree, FetchLimits limits, RepoUrl url)
      throws IOException {
    long files = 0;
    long bytes = 0;
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = new TreeWalk(repo, reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        if (walk.getFileMode(0) == FileMode.GITLINK) {
          continue; // a submodule: stays an empty folder, nothing is fetched for it
        }
        files++;
        bytes += reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
        if (files > limits.maxFiles()) {
          throw new FleetcheckException(
              ErrorCode.REPO_TOO_LARGE,
              "repository " + url.uri() + " has more than " + limits.maxFiles() + " files");
        }
        if (bytes > limits.maxBytes()) {
          throw new FleetcheckException(
              ErrorCode.REPO_TOO_LARGE,
              "files of " + url.uri() + " exceed " + limits.maxBytes() + " bytes");
        }
      }
    }
  }
}
