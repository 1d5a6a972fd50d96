package dev.fleetcheck.core.snapshot;

import dev.fleetcheck.core.model.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a folder without following symbolic links and applies the "files that never count" rules.
 * First version: a plain walk; the git index and .gitignore are applied by later work.
 */
final class SnapshotWalker {

  private static final Set<String> SKIPPED_ANYWHERE =
      Set.of(".git", "node_modules", "site-packages", "__pycache__");
  private static final Set<String> SKIPPED_AT_ROOT = Set.of("build", "dist");
  private static final int BINARY_SNIFF_BYTES = 8000;

  private final Path root;
  private final SnapshotLimits limits;
  private final List<SourceFile> files = new ArrayList<>();
  private final List<Evidence> notes = new ArrayList<>();

  SnapshotWalker(Path root, SnapshotLimits limits) {
    this.root = root.toAbsolutePath().normalize();
    this.limits = limits;
  }

  RepoSnapshot walk() {
    try {
      Files.walkFileTree(
          root,
          Set.of(),
          limits.maxDepth(),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String name = dir.getFileName().toString();
              String rel = relative(dir);
              if (SKIPPED_ANYWHERE.contains(name)
                  || (SKIPPED_AT_ROOT.contains(name) && !rel.contains("/"))
                  || Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (files.size() >= limits.maxFiles()) {
                notes.add(
                    Evidence.repository(
                        "file limit of "
                            + limits.maxFiles()
                            + " reached; the rest is not indexed"));
                return FileVisitResult.TERMINATE;
              }
              String rel = relative(file);
              if (attrs.isSymbolicLink()) {
                notes.add(Evidence.file(rel, "symbolic link not followed"));
                return FileVisitResult.CONTINUE;
              }
              if (!attrs.isRegularFile()) {
                notes.add(Evidence.file(rel, "not a regular file; skipped"));
                return FileVisitResult.CONTINUE;
              }
              if (rel.length() > limits.maxPathLength()) {
                notes.add(
                    Evidence.repository(
                        "path longer than "
                            + limits.maxPathLength()
                            + " characters skipped: "
                            + rel.substring(0, 80)
                            + "..."));
                return FileVisitResult.CONTINUE;
              }
              boolean readable = attrs.size() <= limits.maxContentBytes();
              if (!readable) {
                notes.add(
                    Evidence.file(
                        rel,
                        "larger than "
                            + limits.maxContentBytes()
                            + " bytes ("
                            + attrs.size()
                            + "); content not read"));
              }
              files.add(
                  new SourceFile(
                      rel,
                      attrs.size(),
                      readable && looksBinary(file),
                      TestCode.isTestCode(rel),
                      readable));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              notes.add(
                  Evidence.file(relative(file), "unreadable: " + exc.getClass().getSimpleName()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      notes.add(Evidence.repository("walk stopped: " + e.getMessage()));
    }
    return new RepoSnapshot(root, files, notes, false, limits);
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static boolean looksBinary(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(BINARY_SNIFF_BYTES);
      for (byte b : head) {
        if (b == 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
