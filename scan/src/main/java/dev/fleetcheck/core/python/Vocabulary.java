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
    int[] all = new int[tokens.size()];
    int count = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.isName(i)) {
        all[count++] = hash(source, tokens.start(i), tokens.end(i));
      }
    }
    Arrays.sort(all, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || all[distinct - 1] != all[i]) {
        all[distinct++] = all[i];
      }
    }
    return new Vocabulary(Arrays.copyOf(all, distinct));
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
