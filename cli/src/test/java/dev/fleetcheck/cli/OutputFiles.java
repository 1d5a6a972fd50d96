package dev.fleetcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Special files for --output tests: named pipes made with mkfifo and read on another thread. */
final class OutputFiles {

  private OutputFiles() {}

  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + path + " exited " + mkfifo.exitValue());
    }
    return path;
  }

  static boolean isFifo(Path path) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & OutputTarget.S_IFMT) == OutputTarget.S_IFIFO;
  }

  /** Opens the pipe for reading on a daemon thread (opening blocks until a writer comes). */
  static CompletableFuture<String> readInBackground(Path fifo) {
    CompletableFuture<String> read = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                read.complete(new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8));
              } catch (IOException | UncheckedIOException e) {
                read.completeExceptionally(e);
              }
            },
            "fifo-reader");
    reader.setDaemon(true);
    reader.start();
    return read;
  }
}
