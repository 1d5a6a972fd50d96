package dev.fleetcheck.vcs.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The one folder under a temporary root that holds every temporary folder of this process (the
 * private git home, the clones), named {@code fleetcheck-run-<pid>-<random>} with an {@code owner}
 * file recording the process ID and start time. It is removed when the process exits (a shutdown
 * hook: normal exit, Ctrl+C, SIGTERM); a run killed with {@code kill -9} leaves it, and the next
 * process to start removes every such folder whose owner is gone, or whose process ID now belongs
 * to a process that started at another time.
 */
public final class ScratchFolders {

  static final String PREFIX = "fleetcheck-run-";
  static final String OWNER_FILE = "owner";

  private static final Object LOCK = new Object();
  private static ScratchFolders thisProcess;

  private final Path folder;

  private ScratchFolders(Path folder) {
    this.folder = folder;
  }

  /**
   * This process's scratch folder under the system temporary folder, claimed on first use (after
   * removing the leftovers of killed runs) and removed at exit.
   */
  public static ScratchFolders forThisProcess() {
    synchronized (LOCK) {
      if (thisProcess == null) {
        ScratchFolders claimed = claim(Path.of(System.getProperty("java.io.tmpdir")));
        Runtime.getRuntime()
            .addShutdownHook(new Thread(claimed::remove, "fleetcheck-remove-scratch"));
        thisProcess = claimed;
      }
      return thisProcess;
    }
  }

  /** Removes the leftovers of dead runs under {@code root}, then creates this process's folder. */
  static ScratchFolders claim(Path root) {
    try {
      Files.createDirectories(root);
      removeLeftovers(root);
      ProcessHandle self = ProcessHandle.current();
      Path folder = Files.createTempDirectory(root, PREFIX + self.pid() + "-");
      Files.writeString(folder.resolve(OWNER_FILE), owner(self), StandardCharsets.UTF_8);
      return new ScratchFolders(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder under " + root, e);
    }
  }

  /** The folder; everything temporary of this process goes below it. */
  public Path folder() {
    return folder;
  }

  /** Deletes the folder and everything in it; safe to call more than once. */
  void remove() {
    WorkFolder.delete(folder);
  }

  /** Deletes every run folder under {@code root} whose owning process is gone; answers how many. */
  static int removeLeftovers(Path root) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, PREFIX + "*")) {
      for (Path run : runs) {
        if (Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)
            && ownerIsGone(run)
            && WorkFolder.delete(run)) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean ownerIsGone(Path run) {
    String name = run.getFileName().toString().substring(PREFIX.length());
    int dash = name.indexOf('-');
    long pid;
    try {
      pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
    } catch (NumberFormatException e) {
      return false; // not a folder this class made: left alone
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return true;
    }
    // The process ID may have been reused by another program since the run was killed.
    Optional<Long> recorded = recordedStart(run);
    Optional<Long> running = process.get().info().startInstant().map(Instant::toEpochMilli);
    return recorded.isPresent() && running.isPresent() && !recorded.equals(running);
  }

  private static Optional<Long> recordedStart(Path run) {
    try {
      String[] owner = Files.readString(run.resolve(OWNER_FILE), StandardCharsets.UTF_8).split(" ");
      return owner.length == 2 && !owner[1].equals("-")
          ? Optional.of(Long.parseLong(owner[1].strip()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // still being created, or unreadable: only a dead pid removes it
    }
  }

  private static String owner(ProcessHandle process) {
    return process.pid()
        + " "
        + process.info().startInstant().map(t -> Long.toString(t.toEpochMilli())).orElse("-");
  }
}
