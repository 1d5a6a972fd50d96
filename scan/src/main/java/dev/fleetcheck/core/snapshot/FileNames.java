package dev.fleetcheck.core.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File names as the snapshot keys them: repository-relative strings. A name that is not valid UTF-8
 * (or that the platform cannot turn back into the same file) has no faithful string form, so it is
 * skipped with a note rather than indexed under a name that would open a different file.
 */
final class FileNames {

  private FileNames() {}

  /** The strict UTF-8 reading of a raw name, empty when the bytes are not valid UTF-8. */
  static Optional<String> decodeUtf8(byte[] raw) {
    boolean ascii = true;
    for (byte b : raw) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return Optional.of(new String(raw, StandardCharsets.US_ASCII));
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return Optional.of(decoder.decode(ByteBuffer.wrap(raw)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** A lossy, printable form of a raw name, for notes only. */
  static String lossy(byte[] raw) {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code entry}, listed from its folder, is found again from its name as a string. ASCII
   * names always are; others fail when the bytes are not valid in the platform's file-name
   * encoding.
   */
  static boolean roundTrips(Path entry, String name) {
    if (isAscii(name)) {
      return true;
    }
    try {
      return entry.resolveSibling(name).equals(entry);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
