package dev.fleetcheck.core.secrets;

import java.util.List;

/** The outcome of the secret scan of one repository: findings ordered by file and line. */
public record SecretScan(List<SecretFinding> findings, int filesScanned) {

  public SecretScan {
    findings = findings.stream().sorted().toList();
  }

  public boolean clean() {
    return findings.isEmpty();
  }
}
