package dev.fleetcheck.bench;

import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.vcs.fetch.FetchLimits;
import dev.fleetcheck.vcs.fetch.JGitFetcher;
import dev.fleetcheck.vcs.server.LoopbackGitServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Shallow clone time of the fetcher (JGit, in process) against the system's {@code git clone
 * --depth 1} on the same repository and the same URL, over git:// (served by {@link
 * LoopbackGitServer}) and file://. Prints the best of N runs of each and the ratio.
 */
public final class CloneBench {

  private static final int FILES = 3_000;
  private static final int LATER_COMMITS = 30;
  private static final int RUNS = 3;
  private static final long GIT_TIMEOUT_SECONDS = 120;

  private CloneBench() {}

  public static void main(String[] args) throws Exception {
    Path scratch = Files.createTempDirectory("fleetcheck-clone-bench-");
    try {
      Path fleet = Files.createDirectories(scratch.resolve("fleet"));
      long setup = System.nanoTime();
      int commits = createRepository(fleet.resolve("bench-repo"));
      System.out.printf(
          Locale.ROOT,
          "clone bench: test repository built in %.0f ms%n",
          (System.nanoTime() - setup) / 1e6);
      Path work = Files.createDirectories(scratch.resolve("work"));
      JGitFetcher fetcher = new JGitFetcher(FetchLimits.DEFAULT, work, Optional.empty(), true);
      boolean systemGit = systemGitAvailable(scratch);
      System.out.printf(
          Locale.ROOT,
          "clone bench: %d files, %d commits, shallow (depth 1), best of %d runs%n",
          FILES,
          commits,
          RUNS);
      System.out.printf(
          Locale.ROOT, "%-8s %10s %14s %8s%n", "scheme", "jgit_ms", "git_cli_ms", "ratio");
      try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
        report("git://", server.url("bench-repo"), fetcher, work, scratch, systemGit);
      }
      String fileUrl = fleet.resolve("bench-repo").toUri().toString();
      report("file://", fileUrl, fetcher, work, scratch, systemGit);
      if (!systemGit) {
        System.out.println("system git not found: git_cli_ms and ratio not measured");
      }
    } finally {
      deleteTree(scratch);
    }
  }

  private static void report(
      String scheme, String url, JGitFetcher fetcher, Path work, Path scratch, boolean systemGit)
      throws Exception {
    RepoRef repo = new RepoRef("bench-repo", url, "", "");
    try (FetchedRepo warmUp = fetcher.fetch(repo)) {
      warmUp.commit();
    }
    long jgit = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      FetchedRepo fetched = fetcher.fetch(repo);
      jgit = Math.min(jgit, System.nanoTime() - start);
      fetched.close();
    }
    if (!systemGit) {
      System.out.printf(Locale.ROOT, "%-8s %10.1f %14s %8s%n", scheme, jgit / 1e6, "-", "-");
      return;
    }
    long cli = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      Path target = work.resolve("git-cli-" + i);
      long start = System.nanoTime();
      runGit(
          scratch,
          "clone",
          "-q",
          "--depth",
          "1",
          "--single-branch",
          "--no-tags",
          url,
          target.toString());
      cli = Math.min(cli, System.nanoTime() - start);
      deleteTree(target);
    }
    System.out.printf(
        Locale.ROOT,
        "%-8s %10.1f %14.1f %8.2f%n",
        scheme,
        jgit / 1e6,
        cli / 1e6,
        (double) jgit / cli);
  }

  /** A Python-looking repository: FILES modules, then LATER_COMMITS commits touching 50 each. */
  private static int createRepository(Path root) throws Exception {
    Files.createDirectories(root);
    PersonIdent who =
        new PersonIdent(
            "Bench",
            "bench@example.invalid",
            Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC);
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < FILES; i++) {
        writeModule(root, i, 0);
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage("initial").setAuthor(who).setCommitter(who).setSign(false).call();
      for (int c = 1; c <= LATER_COMMITS; c++) {
        AddCommand add = git.add();
        for (int i = 0; i < 50; i++) {
          add.addFilepattern(writeModule(root, (c * 97 + i * 31) % FILES, c));
        }
        add.call();
        git.commit()
            .setMessage("change " + c)
            .setAuthor(who)
            .setCommitter(who)
            .setSign(false)
            .call();
      }
    }
    return LATER_COMMITS + 1;
  }

  /** Writes one module and returns its repository path. */
  private static String writeModule(Path root, int index, int revision) throws IOException {
    String path = "src/pkg" + (index % 40) + "/module_" + index + ".py";
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    StringBuilder body = new StringBuilder("\"\"\"Module " + index + ".\"\"\"\n\n");
    for (int f = 0; f < 12; f++) {
      body.append("def function_")
          .append(f)
          .append("(value: int) -> int:\n    return value * ")
          .append(index + f + revision)
          .append(" + ")
          .append(revision)
          .append("\n\n");
    }
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return path;
  }

  private static boolean systemGitAvailable(Path scratch) {
    try {
      runGit(scratch, "--version");
      return true;
    } catch (IOException | IllegalStateException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs system git with the host's configuration shut out, as the fetcher does for JGit. */
  private static void runGit(Path scratch, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(Stream.concat(Stream.of("git"), Stream.of(args)).toList())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("HOME", scratch.toString());
    env.put("XDG_CONFIG_HOME", scratch.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_TERMINAL_PROMPT", "0");
    Process process = builder.start();
    if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("git " + List.of(args) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("git " + List.of(args) + " exited " + process.exitValue());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
