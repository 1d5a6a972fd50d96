package dev.fleetcheck.core.python;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a Python source file as PEP 263 says: a UTF-8 byte order mark wins, else a
 * coding declaration in a comment on line 1, or on line 2 when line 1 is blank or a comment; else
 * UTF-8. An unknown coding falls back to UTF-8; undecodable bytes become U+FFFD, never an error.
 */
public final class PythonSource {

  private static final Pattern CODING =
      Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");
  private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t\\f]*(?:#.*)?$");

  private static final int MAX_DECLARATION_LINE = 1024;

  private PythonSource() {}

  public static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return decode(bytes, 3, StandardCharsets.UTF_8);
    }
    return decode(bytes, 0, declaredCharset(bytes));
  }

  /** The charset the file declares on its first two lines, UTF-8 when none or unknown. */
  static Charset declaredCharset(byte[] bytes) {
    int firstEnd = lineEnd(bytes, 0);
    String first = new String(bytes, 0, firstEnd, StandardCharsets.ISO_8859_1);
    Matcher matcher = CODING.matcher(first);
    if (matcher.find()) {
      return charsetNamed(matcher.group(1));
    }
    if (!BLANK_OR_COMMENT.matcher(first).matches() || !lineBreakAt(bytes, firstEnd)) {
      return StandardCharsets.UTF_8;
    }
    int secondStart = firstEnd + lineBreakLength(bytes, firstEnd);
    int secondEnd = lineEnd(bytes, secondStart);
    String second =
        new String(bytes, secondStart, secondEnd - secondStart, StandardCharsets.ISO_8859_1);
    matcher = CODING.matcher(second);
    return matcher.find() ? charsetNamed(matcher.group(1)) : StandardCharsets.UTF_8;
  }

  static Charset charsetNamed(String declared) {
    String name = declared.toLowerCase(Locale.ROOT).replace('_', '-');
    if (name.equals("utf-8") || name.startsWith("utf-8-") || name.equals("utf8")) {
      return StandardCharsets.UTF_8;
    }
    if (name.equals("latin-1")
        || name.startsWith("latin-1-")
        || name.equals("iso-8859-1")
        || name.startsWith("iso-8859-1-")
        || name.equals("iso-latin-1")
        || name.startsWith("iso-latin-1-")) {
      return StandardCharsets.ISO_8859_1;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String decode(byte[] bytes, int offset, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)) {
      // The String constructor replaces malformed input exactly as a replacing decoder does
      // (PythonSourceTest), without the decoder's char buffer and its copy into a Latin-1 string.
      return new String(bytes, offset, bytes.length - offset, charset);
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  /** The end of the line from {@code from}, looking no further than a declaration could sit. */
  private static int lineEnd(byte[] bytes, int from) {
    int p = from;
    int limit = Math.min(bytes.length, from + MAX_DECLARATION_LINE);
    while (p < limit && bytes[p] != '\n' && bytes[p] != '\r') {
      p++;
    }
    return p;
  }

  private static boolean lineBreakAt(byte[] bytes, int p) {
    return p < bytes.length && (bytes[p] == '\n' || bytes[p] == '\r');
  }

  private static int lineBreakLength(byte[] bytes, int p) {
    return bytes[p] == '\r' && p + 1 < bytes.length && bytes[p + 1] == '\n' ? 2 : 1;
  }
}
