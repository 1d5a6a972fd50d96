package dev.fleetcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an {@code --output} path names, decided from its attributes alone (nothing is opened). Only
 * a regular file, or nothing, is ever replaced; a pipe or a character device is written through;
 * anything else is refused so that a report never takes the place of a device, a link or what a
 * link points to.
 */
sealed interface OutputTarget {

  /** Nothing there yet: the file is created. */
  record Absent() implements OutputTarget {}

  /** A regular file (not a link): replaced atomically, keeping its permissions. */
  record RegularFile() implements OutputTarget {}

  /** A FIFO or a character device ({@code /dev/null}, a terminal), possibly through a link. */
  record WriteThrough(String kind) implements OutputTarget {}

  /** A folder, a link to a file, a dangling link, a block device or a socket. */
  record Refused(String reason) implements OutputTarget {}

  // File-type bits of st_mode (sys/stat.h), read through the JDK's "unix" attribute view.
  int S_IFMT = 0170000;
  int S_IFIFO = 0010000;
  int S_IFCHR = 0020000;
  int S_IFBLK = 0060000;
  int S_IFSOCK = 0140000;

  static OutputTarget of(Path path) throws IOException {
    BasicFileAttributes own;
    try {
      own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return new Absent();
    }
    if (own.isDirectory()) {
      return new Refused("it is a folder");
    }
    if (own.isRegularFile()) {
      return new RegularFile();
    }
    boolean link = own.isSymbolicLink();
    if (link && !Files.exists(path)) {
      return new Refused("it is a symbolic link to nothing; name the file itself");
    }
    int type = fileType(path);
    String via = link ? " (through a symbolic link)" : "";
    return switch (type) {
      case S_IFIFO -> new WriteThrough("a named pipe" + via);
      case S_IFCHR -> new WriteThrough("a character device" + via);
      case S_IFBLK -> new Refused("it is a block device" + via);
      case S_IFSOCK -> new Refused("it is a socket" + via);
      default ->
          link
              ? new Refused(
                  "it is a symbolic link; fleetcheck neither replaces a link nor writes through"
                      + " it to a file: name the file itself, or use -o - for stdout")
              : new Refused("it is not a regular file");
    };
  }

  /** The S_IFMT bits of what {@code path} finally names (links followed), or 0 when unknown. */
  private static int fileType(Path path) throws IOException {
    try {
      return ((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // No unix view (not Linux/macOS): nothing here is known to be safe to write through.
      return 0;
    }
  }
}
