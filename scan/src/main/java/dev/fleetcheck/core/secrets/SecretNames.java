package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Whether a variable or key name says it holds a credential ({@code DB_PASSWORD}, {@code
 * client-secret}, {@code self.api_key}), as opposed to naming something about one ({@code
 * password_field}, {@code token_url}, {@code secret_name}, {@code password_hash}).
 */
final class SecretNames {

  /** Lower-case substrings the detectors search for before looking at a line. */
  static final List<String> ANCHORS =
      List.of("pass", "pwd", "secret", "token", "key", "credential", "auth");

  private static final List<String> SECRET_WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "pwd",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "signingkey",
          "encryptionkey",
          "masterkey",
          "authkey",
          "credential",
          "authorization");

  private static final String[][] WORDS_BY_FIRST_CHARACTER = byFirstCharacter(SECRET_WORDS);

  private static final List<String> NOT_SECRET_WORDS =
      List.of("tokenizer", "passthrough", "bypass", "compass", "passenger");

  private static final List<String> NOT_SECRET_SUFFIXES =
      List.of(
          "url",
          "uri",
          "endpoint",
          "host",
          "name",
          "names",
          "file",
          "filename",
          "path",
          "dir",
          "type",
          "types",
          "field",
          "fields",
          "length",
          "len",
          "env",
          "var",
          "header",
          "prefix",
          "suffix",
          "param",
          "id",
          "ids",
          "ttl",
          "expiry",
          "expires",
          "expiresat",
          "expiration",
          "lifetime",
          "timeout",
          "count",
          "format",
          "pattern",
          "regex",
          "policy",
          "manager",
          "store",
          "backend",
          "class",
          "hash",
          "hashed",
          "digest",
          "checksum",
          "sha",
          "sha1",
          "sha256",
          "sha512",
          "md5",
          "integrity",
          "label",
          "description",
          "help",
          "message",
          "msg",
          "error",
          "mode",
          "enabled",
          "required",
          "size",
          "location",
          "arn",
          "ref",
          "version",
          "provider",
          "source",
          "method",
          "scheme",
          "kind",
          "template",
          "placeholder",
          "validator",
          "usage",
          "fingerprint",
          "hint",
          "prompt",
          "mask",
          "strength",
          "rotation",
          "policy");

  private SecretNames() {}

  static boolean isSecretName(String name) {
    String compact = compact(name);
    if (compact.equals("auth")) {
      return true;
    }
    int wordEnd = endOfLastSecretWord(compact);
    if (wordEnd < 0 || containsAny(compact, NOT_SECRET_WORDS)) {
      return false;
    }
    // Only what follows the secret word can make it a name about a secret (token_url,
    // password_hash).
    String rest = compact.substring(wordEnd);
    return rest.isEmpty() || NOT_SECRET_SUFFIXES.stream().noneMatch(rest::endsWith);
  }

  /**
   * Where the secret word ending last ends, -1 when there is none: one pass over the name, trying
   * only the words that start with the character at hand.
   */
  private static int endOfLastSecretWord(String compact) {
    int end = -1;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c >= WORDS_BY_FIRST_CHARACTER.length) {
        continue;
      }
      for (String word : WORDS_BY_FIRST_CHARACTER[c]) {
        if (compact.startsWith(word, i)) {
          end = Math.max(end, i + word.length());
        }
      }
    }
    return end;
  }

  private static String[][] byFirstCharacter(List<String> words) {
    String[][] table = new String[128][];
    for (int c = 0; c < table.length; c++) {
      char first = (char) c;
      table[c] = words.stream().filter(w -> w.charAt(0) == first).toArray(String[]::new);
    }
    return table;
  }

  /** Whether the name is the AWS secret access key's ({@code aws_secret_access_key}, ...). */
  static boolean isAwsSecretKeyName(String name) {
    String compact = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return compact.contains("secretaccesskey")
        || (compact.contains("aws") && compact.contains("secret") && !compact.endsWith("id"));
  }

  /** The last dotted segment, lower case, without separators or leading dashes and sigils. */
  static String compact(String name) {
    int dot = name.lastIndexOf('.');
    char[] kept = new char[name.length() - dot - 1];
    int length = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return compactAnyCase(name);
      }
      if (i > dot && c != '_' && c != '-') {
        kept[length++] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
      }
    }
    return new String(kept, 0, length);
  }

  /** {@link #compact} for names beyond ASCII, whose lower case can change their length. */
  private static String compactAnyCase(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String last = dot >= 0 ? lower.substring(dot + 1) : lower;
    return last.replace("_", "").replace("-", "");
  }

  private static boolean containsAny(String value, List<String> words) {
    for (String word : words) {
      if (value.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
