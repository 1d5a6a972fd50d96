package dev.fleetcheck.core.python;

import java.util.Arrays;
import java.util.Collection;

/**
 * The names a module's code spells: every NAME token (identifiers, attribute and keyword-argument
 * names, Python keywords), kept as the distinct hashes of their texts. A check that can only find
 * something where the code spells a given name asks {@link #mentions} first and skips the module's
 * calls when it cannot (the prefilter code search engines run before matching). Two names that
 * share a hash only let a module through; a name the code spells is never missed. Names inside
 * strings and comments are not NAME tokens and are not here.
 */
public final class Vocabulary {

  /** The first table size; it doubles whenever it is half full. */
  private static final int MIN_TABLE = 64;

  /**
   * An open-addressing set of the hashes, at most half full, so that a lookup (asked by many checks
   * for every module) ends after a probe or two. Slot value 0 means empty; the hash 0 itself is
   * kept aside in {@link #zero}.
   */
  private final int[] table;

  private final boolean zero;
  private final int size;

  private Vocabulary(int[] table, boolean zero, int size) {
    this.table = table;
    this.zero = zero;
    this.size = size;
  }

  /** The vocabulary of a token stream. */
  public static Vocabulary of(Tokens tokens) {
    Vocabulary made = tokens.vocabulary();
    return made != null ? made : fromTokens(tokens);
  }

  /** The vocabulary read from the NAME tokens again, as the tokenizer gathers it. */
  static Vocabulary fromTokens(Tokens tokens) {
    String source = tokens.source();
    Builder names = new Builder();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isName(i)) {
        names.add(hash(source, tokens.start(i), tokens.end(i)));
      }
    }
    return names.build();
  }

  /**
   * Gathers the hashes of the names as they are met (the tokenizer hashes each name while its chars
   * are at hand). A file spells few distinct names many times over: the set grows with the distinct
   * names, not with the tokens.
   */
  static final class Builder {
    private int[] table = new int[MIN_TABLE];
    private int mask = MIN_TABLE - 1;
    private int distinct;
    private boolean zero;

    void add(int hash) {
      if (hash == 0) {
        zero = true;
        return;
      }
      int slot = mix(hash) & mask;
      int known;
      while ((known = table[slot]) != 0) {
        if (known == hash) {
          return;
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = hash;
      if (++distinct * 2 > table.length) {
        table = grown(table);
        mask = table.length - 1;
      }
    }

    Vocabulary build() {
      return new Vocabulary(table, zero, distinct + (zero ? 1 : 0));
    }
  }

  private static int[] grown(int[] table) {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int value : table) {
      if (value != 0) {
        int slot = mix(value) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = value;
      }
    }
    return bigger;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** Whether the code may spell {@code name} as a NAME token (see the class comment). */
  public boolean mentions(String name) {
    int hash = name.hashCode();
    if (hash == 0) {
      return zero;
    }
    int[] slots = table;
    int mask = slots.length - 1;
    int slot = mix(hash) & mask;
    int known;
    while ((known = slots[slot]) != 0) {
      if (known == hash) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
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
    return size;
  }

  /** {@link String#hashCode()} of {@code source.substring(start, end)}, without the substring. */
  private static int hash(String source, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + source.charAt(i);
    }
    return h;
  }

  /** The distinct hashes in ascending order, for equality independent of the table's layout. */
  private int[] sorted() {
    int[] hashes = new int[size];
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
    return hashes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary that
        && size == that.size
        && Arrays.equals(sorted(), that.sorted());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted());
  }

  @Override
  public String toString() {
    return "Vocabulary[" + size + " names]";
  }
}
