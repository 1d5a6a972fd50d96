package dev.fleetcheck.core.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The content of files read more than once in a scan, within a byte budget. Several facts read the
 * same Python and configuration files, while most files are read once (by the secret scan): keeping
 * a file only from its second read on spends the budget on what is read again. Files known to be
 * read again (Python sources, read by several facts in every scan) are kept from their first read.
 * Once the budget is spent nothing more is kept and nothing is evicted, so a scan that walks all
 * files in order cannot turn the cache over without a single hit. The decoded text of a kept file
 * is kept as well, within the same budget, since most rules read text and decoding it is most of a
 * cached read's cost. Documentation (README and docs/ pages), read as text by the secret scan and
 * again by the documentation checks, is kept as text alone from its first read, within a budget of
 * its own, so that a repository with many pages cannot take the Python sources' share. Safe for
 * concurrent readers.
 */
final class RereadCache {

  private final long budgetBytes;
  private final long textOnlyBudgetChars;
  private final Map<String, byte[]> kept = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();
  private final Set<String> readOnce = new HashSet<>();
  private long usedBytes;
  private long textChars;
  private long textOnlyChars;

  RereadCache(long budgetBytes, long textOnlyBudgetChars) {
    this.budgetBytes = budgetBytes;
    this.textOnlyBudgetChars = textOnlyBudgetChars;
  }

  /** The kept content of {@code path} (shared: never modify it), or null when none is kept. */
  synchronized byte[] get(String path) {
    return kept.get(path);
  }

  /**
   * Offers content just read from disk; keeps it when the path was read before (or {@code
   * readAgain} says it will be) and it fits the budget. Returns whether it was kept (the caller
   * must then not modify it).
   */
  synchronized boolean offer(String path, byte[] content, boolean readAgain) {
    if ((readOnce.add(path) && !readAgain) || kept.containsKey(path)) {
      return false;
    }
    if (usedBytes + textChars + content.length > budgetBytes) {
      return false;
    }
    kept.put(path, content);
    readOnce.remove(path);
    usedBytes += content.length;
    return true;
  }

  /** The kept decoded text of {@code path}, or null when none is kept. */
  synchronized String text(String path) {
    return texts.get(path);
  }

  /**
   * Offers the text decoded from {@code content}; kept when that very content is kept and the text
   * fits the budget (counted at one byte a character, as a compact string of ASCII is).
   */
  synchronized void offerText(String path, byte[] content, String text) {
    if (kept.get(path) != content || texts.containsKey(path)) {
      return;
    }
    if (usedBytes + textChars + text.length() > budgetBytes) {
      return;
    }
    texts.put(path, text);
    textChars += text.length();
  }

  /**
   * Keeps the text of a file known to be read again as text (not its bytes), from its first read,
   * while the text-only budget allows (counted at one byte a character).
   */
  synchronized void keepText(String path, String text) {
    if (texts.containsKey(path) || textOnlyChars + text.length() > textOnlyBudgetChars) {
      return;
    }
    texts.put(path, text);
    textOnlyChars += text.length();
  }

  /** Bytes of content kept (decoded text not included). */
  synchronized long usedBytes() {
    return usedBytes;
  }
}
