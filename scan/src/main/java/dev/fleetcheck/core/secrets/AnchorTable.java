package dev.fleetcheck.core.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The literal anchors of a set of detectors, found in one pass over a file instead of one {@code
 * indexOf} pass per anchor (a scan's detectors search some thirty anchors in every file, and a
 * short run compiles {@code indexOf} without its vectorised form). Each position of the text is
 * looked up by its first two characters in a table of the anchors that start so; only those are
 * compared. Anchors are ASCII, at least two characters long and without {@code ?} (the character
 * {@link ScanText} writes for characters past Latin-1); folded anchors are matched against the text
 * with ASCII letters in lower case, and are written in lower case.
 */
final class AnchorTable {

  static final AnchorTable NONE = new AnchorTable(List.of(), List.of());

  private static final int KEYS = 1 << 16;

  private final byte[][] anchors;
  private final boolean[] folded;
  private final Map<String, Integer> exactIds = new HashMap<>();
  private final Map<String, Integer> foldedIds = new HashMap<>();

  /** The anchors starting with each pair of bytes (first << 8 | second); null for none. */
  private final int[][] startingWith = new int[KEYS][];

  AnchorTable(List<String> exact, List<String> foldedAnchors) {
    List<byte[]> all = new ArrayList<>();
    List<Boolean> isFolded = new ArrayList<>();
    for (String anchor : new LinkedHashSet<>(exact)) {
      check(anchor, false);
      exactIds.put(anchor, all.size());
      all.add(bytes(anchor));
      isFolded.add(false);
    }
    for (String anchor : new LinkedHashSet<>(foldedAnchors)) {
      check(anchor, true);
      foldedIds.put(anchor, all.size());
      all.add(bytes(anchor));
      isFolded.add(true);
    }
    anchors = all.toArray(new byte[0][]);
    folded = new boolean[anchors.length];
    for (int id = 0; id < anchors.length; id++) {
      folded[id] = isFolded.get(id);
      for (int key : keys(anchors[id], folded[id])) {
        int[] known = startingWith[key];
        int[] grown = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
        grown[grown.length - 1] = id;
        startingWith[key] = grown;
      }
    }
  }

  /** The table of every anchor the detectors declare. */
  static AnchorTable of(List<SecretDetector> detectors) {
    List<String> exact = new ArrayList<>();
    List<String> foldedAnchors = new ArrayList<>();
    for (SecretDetector detector : detectors) {
      exact.addAll(detector.anchors());
      foldedAnchors.addAll(detector.foldedAnchors());
    }
    return new AnchorTable(exact, foldedAnchors);
  }

  /** The id of an anchor matched as written, or -1 when the table does not hold it. */
  int exactId(String anchor) {
    return exactIds.getOrDefault(anchor, -1);
  }

  /** The id of an anchor matched against the folded text, or -1 when the table does not hold it. */
  int foldedId(String anchor) {
    return foldedIds.getOrDefault(anchor, -1);
  }

  /**
   * Where each anchor (by id) starts in {@code text}, one byte per character of the text (not yet
   * folded), in ascending order, overlapping occurrences included; null for an anchor not found.
   */
  int[][] positions(byte[] text) {
    int[][] found = new int[anchors.length][];
    int[] counts = new int[anchors.length];
    int last = text.length - 1;
    for (int i = 0; i < last; i++) {
      int[] candidates = startingWith[(text[i] & 0xFF) << 8 | (text[i + 1] & 0xFF)];
      if (candidates == null) {
        continue;
      }
      for (int id : candidates) {
        if (startsAt(text, i, id)) {
          int[] list = found[id];
          if (list == null) {
            list = new int[4];
          } else if (counts[id] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
          }
          list[counts[id]++] = i;
          found[id] = list;
        }
      }
    }
    for (int id = 0; id < found.length; id++) {
      if (found[id] != null) {
        found[id] = Arrays.copyOf(found[id], counts[id]);
      }
    }
    return found;
  }

  private boolean startsAt(byte[] text, int at, int id) {
    byte[] anchor = anchors[id];
    if (at + anchor.length > text.length) {
      return false;
    }
    boolean fold = folded[id];
    for (int k = 2; k < anchor.length; k++) {
      int c = text[at + k];
      if (fold && c >= 'A' && c <= 'Z') {
        c |= 0x20;
      }
      if (c != anchor[k]) {
        return false;
      }
    }
    return true;
  }

  /** The first position of {@code positions} at or after {@code from}, or -1. */
  static int next(int[] positions, int from) {
    if (positions == null) {
      return -1;
    }
    int at = Arrays.binarySearch(positions, Math.max(0, from));
    int index = at >= 0 ? at : -at - 1;
    return index < positions.length ? positions[index] : -1;
  }

  /** The two-byte keys an anchor starts with: its own, or every letter case of them if folded. */
  private static Set<Integer> keys(byte[] anchor, boolean fold) {
    Set<Integer> keys = new LinkedHashSet<>();
    for (int first : cases(anchor[0], fold)) {
      for (int second : cases(anchor[1], fold)) {
        keys.add(first << 8 | second);
      }
    }
    return keys;
  }

  private static List<Integer> cases(byte c, boolean fold) {
    return fold && c >= 'a' && c <= 'z' ? List.of((int) c, c & ~0x20) : List.of((int) c);
  }

  private static void check(String anchor, boolean fold) {
    if (anchor.length() < 2) {
      throw new IllegalArgumentException("an anchor has two characters at least: " + anchor);
    }
    for (int i = 0; i < anchor.length(); i++) {
      char c = anchor.charAt(i);
      if (c >= 0x80 || c == '?' || (fold && c >= 'A' && c <= 'Z')) {
        throw new IllegalArgumentException("not an anchor of this table: " + anchor);
      }
    }
  }

  private static byte[] bytes(String anchor) {
    byte[] bytes = new byte[anchor.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) anchor.charAt(i);
    }
    return bytes;
  }
}
