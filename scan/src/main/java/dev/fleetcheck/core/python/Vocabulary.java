package dev.fleetcheck.core.python;

import java.util.Arrays;
import java.util.Collection;

/**
 * The names a module's code spells: every NAME token (identifiers, attribute and keyword-argument
 * names, Python keywords), kept as the sorted distinct hashes of their texts. A check that can only
 * find something where the code spells a given name asks {@link #mentions} first and skips the
 * module's calls when it cannot (the prefilter code search engines run before matching). Two names
 * that share a hash only let a module through; a name the code spells is never missed. Names inside
 * strings and comments are not NAME tokens and are not here.
 */
public final class Vocabulary {

  private final int[] hashes;

  private Vocabulary(int[] hashes) {
    this.hashes = hashes;
  }

  /** The vocabulary of a token stream. */
  public static Vocabulary of(Tokens tokens) {
    String source = tokens.source();
    // A file spells few distinct names many times over: they are gathered in an open-addressing
    // set first, so that only the distinct ones are sorted. Slot value 0 means empty; the hash 0
    // itself is kept aside.
    int[] table = new int[tableSize(tokens.size())];
    int mask = table.length - 1;
    int distinct = 0;
    boolean zero = false;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.isName(i)) {
        continue;
      }
      int hash = hash(source, tokens.start(i), tokens.end(i));
      if (hash == 0) {
        zero = true;
        continue;
      }
      int slot = (hash ^ (hash >>> 16)) & mask;
      while (table[slot] != 0 && table[slot] != hash) {
        slot = (slot + 1) & mask;
      }
      if (table[slot] == 0) {
        table[slot] = hash;
        distinct++;
      }
    }
    int[] hashes = new int[distinct + (zero ? 1 : 0)];
    int count = 0;
    if (zero) {
      hashes[count++] = 0;
    }
    for (int value : table) {
      if (value != 0) {
        hashes[count++] = value;
      }
    }
    Arrays.sort(hashes);
    return new Vocabulary(hashes);
  }

  /** A power of two at least twice the token count, so that the set never fills. */
  private static int tableSize(int tokens) {
    return Integer.highestOneBit(Math.max(16, tokens) * 2 - 1) << 1;
  }

  /** Whether the code may spell {@code name} as a NAME token (see the class comment). */
  public boolean mentions(String name) {
    return Arrays.binarySearch(hashes, name.hashCode()) >= 0;
  }

  /** Whether the code may spell any of {@code names}. */
  public boolean mentionsAny(Collection<String> names) {
    for (String name : names) {
      if (mentions(name)) {
        return true;
      }
    }
    return false;
  }

  /** How many distinct names (hashes) the code spells. */
  public int size() {
    return hashes.length;
  }

  /** {@link String#hashCode()} of {@code source.substring(start, end)}, without the substring. */
  private static int hash(String source, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + source.charAt(i);
    }
    return h;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary that && Arrays.equals(hashes, that.hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "Vocabulary[" + hashes.length + " names]";
  }
}
