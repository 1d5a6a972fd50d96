package dev.fleetcheck.core.snapshot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the odd entries a hostile tree holds: links, FIFOs, sockets, sparse giants and names that
 * are not valid UTF-8. Java cannot create some of them itself (a FIFO, a name from raw bytes when
 * the platform encoding is UTF-8), so those go through {@code sh}; the test is skipped, with a
 * message, where that is unavailable.
 */
final class HostileFiles {

  private HostileFiles() {}

  static void symlink(Path link, String target) throws IOException {
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
  }

  /** A sparse file of {@code bytes}: large on paper, cheap on disk. */
  static void sparse(Path file, long bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(bytes);
    }
  }

  /** A bound Unix domain socket file; the channel is closed, the socket file stays. */
  static void socket(Path file) throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(file));
    }
  }

  static void fifo(Path file) throws IOException, InterruptedException {
    run(List.of("mkfifo", file.toString()));
  }

  /** Creates an empty file in {@code folder} whose name is exactly {@code rawName}. */
  static void rawNamedFile(Path folder, byte[] rawName) throws IOException, InterruptedException {
    StringBuilder escaped = new StringBuilder();
    for (byte b : rawName) {
      escaped.append(String.format("\\%03o", b & 0xff));
    }
    run(
        List.of(
            "sh",
            "-c",
            "cd \"$1\" && : > \"$(printf \"$2\")\"",
            "sh",
            folder.toString(),
            escaped.toString()));
  }

  static byte[] latin1(String name) {
    return name.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(
          false, "cannot run " + command.get(0) + " to build the fixture: " + e.getMessage());
      return;
    }
    boolean done = process.waitFor(30, TimeUnit.SECONDS);
    assumeTrue(done && process.exitValue() == 0, command.get(0) + " failed to build the fixture");
  }
}
