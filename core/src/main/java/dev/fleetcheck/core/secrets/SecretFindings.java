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
    List<SecretFinding> findings = new ArrayList<>();
    int scanned = 0;
    for (SourceFile file : snapshot.files()) {
      if (file.binary() || !file.contentReadable()) {
        continue;
      }
      Optional<String> text = snapshot.readTextInPass(file.path());
      if (text.isEmpty()) {
        continue;
      }
      try {
        findings.addAll(scanner.scan(file.path(), text.get()));
        scanned++;
      } catch (RuntimeException | StackOverflowError e) {
        facts.problem(unscannable(file.path(), e));
      }
    }
    return new SecretScan(findings, scanned);
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
