package dev.fleetcheck.bench;

import dev.fleetcheck.core.testing.SyntheticTree;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The large real Python repository the cold-start figures scan: a copy of a tree found on this
 * machine ({@code FLEETCHECK_BENCH_TREE}, else the newest {@code /usr/lib/python3.N} standard
 * library) committed into a temporary git repository, without what a repository would not hold
 * (bytecode caches, compiled objects, links out of the tree). On a machine with neither, a
 * generated tree stands in, and {@link #description} says so.
 */
record BenchTree(Path root, String description, int files, long bytes, int pythonFiles) {

  private static final Set<String> SKIPPED_FOLDERS =
      Set.of("__pycache__", "site-packages", "dist-packages", ".git");
  private static final List<String> SKIPPED_SUFFIXES = List.of(".pyc", ".pyo", ".so", ".a", ".o");
  private static final int MIN_PYTHON_FILES = 200;

  /** Builds the tree under {@code work}. */
  static BenchTree create(Path work) throws IOException {
    Path root = Files.createDirectories(work.resolve("python-tree"));
    Optional<Path> source = source();
    String description;
    if (source.isPresent()) {
      copy(source.get(), root);
      description = source.get() + " copied into a temporary git repository";
    } else {
      SyntheticTree.generate(root, 2_000, 0.5, 12L);
      description =
          "note: no Python tree on this machine (set FLEETCHECK_BENCH_TREE or install python3);"
              + " a generated 2,000-file tree in a temporary git repository stands in";
    }
    commitAll(root);
    return measure(root, description);
  }

  /** An empty git repository: initialised, no file, no commit. */
  static Path emptyRepository(Path work) throws IOException {
    Path root = Files.createDirectories(work.resolve("empty-repo"));
    try {
      Git.init().setDirectory(root.toFile()).call().close();
      return root;
    } catch (GitAPIException e) {
      throw new IOException("git init failed: " + e.getMessage(), e);
    }
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %d files, %.1f MB, %d Python files",
        description,
        files,
        bytes / (1024.0 * 1024.0),
        pythonFiles);
  }

  private static Optional<Path> source() throws IOException {
    String chosen = System.getenv("FLEETCHECK_BENCH_TREE");
    if (chosen != null && !chosen.isBlank()) {
      Path path = Path.of(chosen);
      if (!Files.isDirectory(path)) {
        throw new IOException("FLEETCHECK_BENCH_TREE=" + chosen + " is not a folder");
      }
      return Optional.of(path);
    }
    Path lib = Path.of("/usr/lib");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(lib)) {
      List<Path> candidates =
          folders
              .filter(p -> p.getFileName().toString().matches("python3\\.\\d+"))
              .filter(Files::isDirectory)
              .sorted(Comparator.comparingInt(BenchTree::minorVersion).reversed())
              .toList();
      for (Path candidate : candidates) {
        if (pythonFiles(candidate) >= MIN_PYTHON_FILES) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static int minorVersion(Path folder) {
    return Integer.parseInt(folder.getFileName().toString().substring("python3.".length()));
  }

  private static long pythonFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".py")).count();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (!dir.equals(from)
                && (SKIPPED_FOLDERS.contains(name) || name.startsWith("config-"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String name = file.getFileName().toString();
            if (attrs.isRegularFile() && SKIPPED_SUFFIXES.stream().noneMatch(name::endsWith)) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void commitAll(Path root) throws IOException {
    PersonIdent bench = new PersonIdent("fleetcheck bench", "bench@fleetcheck.invalid");
    try (Git git = Git.init().setDirectory(root.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("bench tree").setAuthor(bench).setCommitter(bench).call();
    } catch (GitAPIException e) {
      throw new IOException("git commit of the bench tree failed: " + e.getMessage(), e);
    }
  }

  private static BenchTree measure(Path root, String description) throws IOException {
    int files = 0;
    int python = 0;
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (file.startsWith(root.resolve(".git"))) {
          continue;
        }
        files++;
        bytes += Files.size(file);
        if (file.toString().endsWith(".py")) {
          python++;
        }
      }
    }
    return new BenchTree(root, description, files, bytes, python);
  }
}
