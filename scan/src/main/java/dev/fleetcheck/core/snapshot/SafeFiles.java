package dev.fleetcheck.core.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * File access that never follows a symbolic link and never opens anything but a regular file:
 * opening a FIFO blocks until a writer appears, and a device can stream forever.
 */
final class SafeFiles {

  /** How much of a file the binary check looks at ("NUL in the first 8 KB"). */
  static final int BINARY_SNIFF_BYTES = 8192;

  private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 16;

  private SafeFiles() {}

  /** The path's own attributes (lstat): a symbolic link is reported as a link. */
  static BasicFileAttributes attributes(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether the first {@link #BINARY_SNIFF_BYTES} bytes hold a NUL; the buffer is reused. */
  static boolean startsBinary(Path regularFile, ByteBuffer buffer) throws IOException {
    buffer.clear().limit(Math.min(buffer.capacity(), BINARY_SNIFF_BYTES));
    try (FileChannel channel = openRegular(regularFile)) {
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // keep reading: a short read is not the end of the file
      }
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      if (buffer.get() == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The whole content of a regular file of at most {@code maxBytes}; empty when the path is not a
   * regular file (a link, a FIFO, a folder), is larger, or cannot be read.
   */
  static Optional<byte[]> readRegular(Path path, long maxBytes) {
    try {
      BasicFileAttributes attributes = attributes(path);
      if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
        return Optional.empty();
      }
      int cap = (int) Math.min(maxBytes, LARGEST_ARRAY - 1);
      try (FileChannel channel = openRegular(path)) {
        // Read straight into an array of the expected size: the common case allocates the content
        // once, with nothing to copy (a scan reads every file, so a copy per read is a copy of the
        // whole repository).
        byte[] content = new byte[(int) Math.min(attributes.size(), cap)];
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // keep reading: a short read is not the end of the file
        }
        if (buffer.hasRemaining()) {
          return Optional.of(Arrays.copyOf(content, buffer.position()));
        }
        // one byte more than expected tells a file that grew since the check
        ByteBuffer probe = ByteBuffer.allocate(1);
        int probed;
        do {
          probed = channel.read(probe);
        } while (probed == 0);
        if (probed < 0) {
          return Optional.of(content);
        }
        if (content.length + 1 > cap) {
          return Optional.empty();
        }
        InputStream rest = Channels.newInputStream(channel);
        byte[] more = rest.readNBytes(cap - content.length);
        if (content.length + 1 + more.length > cap) {
          return Optional.empty();
        }
        byte[] grown = Arrays.copyOf(content, content.length + 1 + more.length);
        grown[content.length] = probe.get(0);
        System.arraycopy(more, 0, grown, content.length + 1, more.length);
        return Optional.of(grown);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static FileChannel openRegular(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }
}
