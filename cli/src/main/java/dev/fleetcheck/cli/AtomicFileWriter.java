package dev.fleetcheck.cli;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see the old content or the new, never a part: the bytes go to a
 * temporary file in the same folder, are forced to disk, and the file is moved over the target with
 * ATOMIC_MOVE, keeping the permissions of the file it replaces. On any failure the temporary file
 * is removed and the target is untouched.
 *
 * <p>Only a regular file is ever replaced. A named pipe or a character device ({@code /dev/null}, a
 * terminal, {@code /dev/stdout} when it is one) is written through; a symbolic link to a file, a
 * block device, a socket or a folder is refused (see {@link OutputTarget}).
 */
public final class AtomicFileWriter {

  /** Writes the content of a file to a stream; may fail half-way. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFileWriter() {}

  public static void write(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * @throws FleetcheckException {@code output_write_failed} when the file cannot be written
   */
  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new FleetcheckException(
          ErrorCode.OUTPUT_WRITE_FAILED, "cannot write " + target + ": its folder does not exist");
    }
    OutputTarget kind = classify(target, absolute);
    if (kind instanceof OutputTarget.Refused refused) {
      throw new FleetcheckException(
          ErrorCode.OUTPUT_WRITE_FAILED, "cannot write " + target + ": " + refused.reason());
    }
    if (kind instanceof OutputTarget.WriteThrough) {
      writeThrough(target, absolute, content);
      return;
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
      if (kind instanceof OutputTarget.RegularFile) {
        keepPermissions(absolute, temp);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      moveIntoPlace(temp, absolute);
      temp = null;
    } catch (IOException e) {
      throw failure(target, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed and says so; a stray temp file is the lesser problem.
        }
      }
    }
  }

  private static OutputTarget classify(Path target, Path absolute) {
    try {
      return OutputTarget.of(absolute);
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  /** A pipe or a device takes the bytes as they come: there is nothing to replace atomically. */
  private static void writeThrough(Path target, Path absolute, Content content) {
    try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE)) {
      content.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  /** The temporary file is created owner-only; the replaced file's readers must keep access. */
  private static void keepPermissions(Path existing, Path temp) throws IOException {
    try {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: there are no permission bits to keep.
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace files atomically", e);
    }
  }

  private static FleetcheckException failure(Path target, IOException e) {
    String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
    return new FleetcheckException(
        ErrorCode.OUTPUT_WRITE_FAILED,
        "cannot write " + target + ": " + e.getClass().getSimpleName() + detail,
        e);
  }
}
