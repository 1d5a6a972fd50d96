package dev.fleetcheck.core.secrets;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hard-coded credentials in every text file of the repository, test code and every language
 * included (RULES.md, "Secrets"). Binary files and files over the content limit are not read. The
 * fact is shared by PY-SEC-041 and any output that lists secrets on its own.
 */
public final class SecretFindings {

  public static final Fact<SecretScan> FACT = Fact.of("secrets", SecretFindings::collect);

  private SecretFindings() {}

  static SecretScan collect(Facts facts) {
    RepoSnapshot snapshot = facts.snapshot();
    SecretScanner scanner = SecretScanner.standard();
    // Files are independent: they are read and scanned in parallel, and the results taken in path
    // order, so the scan is the same whatever the number of threads.
    List<FileScan> scans =
        snapshot.files().parallelStream()
            .filter(file -> !file.binary() && file.contentReadable())
            .map(file -> scan(snapshot, scanner, file))
            .toList();
    List<SecretFinding> findings = new ArrayList<>();
    int scanned = 0;
    for (FileScan scan : scans) {
      if (scan.failure() != null) {
        facts.problem(scan.failure());
      } else if (scan.findings() != null) {
        findings.addAll(scan.findings());
        scanned++;
      }
    }
    return new SecretScan(findings, scanned);
  }

  /** One file's findings, or the note for a failed scan; both null when it had no text. */
  private record FileScan(List<SecretFinding> findings, Evidence failure) {}

  private static FileScan scan(RepoSnapshot snapshot, SecretScanner scanner, SourceFile file) {
    Optional<String> text = snapshot.readTextInPass(file.path());
    if (text.isEmpty()) {
      return new FileScan(null, null);
    }
    try {
      return new FileScan(scanner.scan(file.path(), text.get()), null);
    } catch (RuntimeException | StackOverflowError e) {
      return new FileScan(null, unscannable(file.path(), e));
    }
  }

  /**
   * The note for a file whose scan failed. It names the failure's type only: a message could quote
   * the text being scanned, which may be the very secret.
   */
  static Evidence unscannable(String path, Throwable failure) {
    return Evidence.file(
        path, "not scanned for secrets: " + failure.getClass().getSimpleName() + " in the scanner");
  }
}
