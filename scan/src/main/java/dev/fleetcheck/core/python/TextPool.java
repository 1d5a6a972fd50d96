package dev.fleetcheck.core.python;

/**
 * One instance per distinct short text of one file: a module keeps many names and literals that
 * repeat ({@code self}, {@code url}, {@code "id"}), and it lives as long as the scan. A text can be
 * asked for as a range of a larger string, so that a name already pooled costs no substring; and
 * since every check that puts a name in a set hashes it, one shared instance is hashed once.
 */
final class TextPool {

  private final int maxLength;
  private String[] texts;
  private int[] hashes;
  private int size;

  TextPool(int maxLength) {
    this(maxLength, 32);
  }

  /** A pool sized for about {@code expected} texts, so that a file's names rarely rehash. */
  TextPool(int maxLength, int expected) {
    this.maxLength = maxLength;
    int capacity = Integer.highestOneBit(Math.max(32, expected) * 2 - 1) << 1;
    this.texts = new String[capacity];
    this.hashes = new int[capacity];
  }

  /** The pooled instance of {@code text}; longer texts (and null) come back as they are. */
  String of(String text) {
    if (text == null || text.length() > maxLength) {
      return text;
    }
    return find(text, 0, text.length(), text);
  }

  /** The pooled instance of {@code source.substring(start, end)}, made only when new. */
  String of(String source, int start, int end) {
    if (end - start > maxLength) {
      return source.substring(start, end);
    }
    if (start == 0 && end == source.length()) {
      return find(source, start, end, source);
    }
    return find(source, start, end, null);
  }

  private String find(String source, int start, int end, String whole) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + source.charAt(i);
    }
    int length = end - start;
    int mask = texts.length - 1;
    int slot = mix(hash) & mask;
    while (true) {
      String known = texts[slot];
      if (known == null) {
        break;
      }
      if (hashes[slot] == hash
          && known.length() == length
          && source.regionMatches(start, known, 0, length)) {
        return known;
      }
      slot = (slot + 1) & mask;
    }
    String made = whole != null ? whole : source.substring(start, end);
    texts[slot] = made;
    hashes[slot] = hash;
    if (++size * 2 > texts.length) {
      grow();
    }
    return made;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] oldTexts = texts;
    int[] oldHashes = hashes;
    texts = new String[oldTexts.length * 2];
    hashes = new int[oldTexts.length * 2];
    int mask = texts.length - 1;
    for (int i = 0; i < oldTexts.length; i++) {
      if (oldTexts[i] != null) {
        int slot = mix(oldHashes[i]) & mask;
        while (texts[slot] != null) {
          slot = (slot + 1) & mask;
        }
        texts[slot] = oldTexts[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  @Override
  public String toString() {
    return "TextPool[" + size + " texts]";
  }
}
