package dev.fleetcheck.embedded;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.ReportKeys;
import dev.fleetcheck.core.port.ReportStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reports as files under one folder. A write goes to a temporary file beside the target and is then
 * moved over it atomically, so a reader (or a crash) never sees half a report. Keys are checked
 * before they touch the file system: no absolute paths, no "..", no characters outside a safe set.
 */
public final class ReportFolder implements ReportStore {

  private final Path root;

  public ReportFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = resolve(key);
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      Files.write(temp, content);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new FleetcheckException(
            ErrorCode.OUTPUT_WRITE_FAILED,
            "the report folder's file system cannot replace files atomically: " + root,
            e);
      }
      temp = null;
    } catch (IOException e) {
      // The cause (a read-only folder, a full disk) is what the operator must fix: name it.
      throw new FleetcheckException(
          ErrorCode.OUTPUT_WRITE_FAILED,
          "cannot write report "
              + key
              + " under "
              + root
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new FleetcheckException(ErrorCode.IO_ERROR, "cannot read report " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new FleetcheckException(ErrorCode.IO_ERROR, "cannot delete report " + key, e);
    }
  }

  /** The file of a key, refusing any key that could name a file outside the folder. */
  Path resolve(String key) {
    Path path = root;
    for (String segment : ReportKeys.requireValid(key).split("/")) {
      path = path.resolve(segment);
    }
    Path normalised = path.normalize();
    if (!normalised.startsWith(root) || normalised.equals(root)) {
      throw new FleetcheckException(ErrorCode.INVALID_ARGUMENT, "a report key names a file");
    }
    return normalised;
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The temporary name is never read; a leftover is harmless.
    }
  }
}
