package dev.fleetcheck.core.port;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page cursors: the position (the sort key of the last item served) and the
 * query it belongs to, signed with HMAC-SHA256 under a key only the store holds. A cursor edited by
 * a client, or replayed against another query, is rejected with {@link ErrorCode#CURSOR_INVALID}.
 * Cursors are not encrypted: they hold sort keys (repository names, times), never secrets.
 */
public final class PageCursors {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_CURSOR_LENGTH = 4096;

  private final SecretKeySpec key;

  public PageCursors(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a cursor key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /**
   * The cursor for {@code position} within {@code scope}, a string naming the query and its filters
   * (for example {@code "latest|team=payments"}).
   */
  public String encode(String scope, List<String> position) {
    StringBuilder payload = new StringBuilder();
    payload.append(escape(scope));
    for (String part : position) {
      payload.append('\n').append(escape(part));
    }
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /** The position a cursor names, after checking its signature and scope. */
  public List<String> decode(String scope, String cursor) {
    if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
      throw invalid();
    }
    int dot = cursor.indexOf('.');
    if (dot < 0 || cursor.indexOf('.', dot + 1) >= 0) {
      throw invalid();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(cursor.substring(0, dot));
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(signature, mac(payload))) {
      throw invalid();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (!unescape(parts[0]).equals(scope)) {
      throw invalid();
    }
    List<String> position = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      position.add(unescape(parts[i]));
    }
    return position;
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static FleetcheckException invalid() {
    return new FleetcheckException(
        ErrorCode.CURSOR_INVALID, "the page cursor is not one this service issued for this query");
  }

  private static String escape(String part) {
    return part.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String unescape(String part) {
    StringBuilder out = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '\\' && i + 1 < part.length()) {
        char next = part.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
