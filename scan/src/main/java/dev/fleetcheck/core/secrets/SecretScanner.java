package dev.fleetcheck.core.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every detector over one file's text and turns their matches into findings. Detectors are in
 * priority order: when two claim overlapping text (a GitHub token assigned to {@code token = ...}),
 * the more specific, earlier one wins, so one credential is one finding.
 */
public final class SecretScanner {

  private static final SecretScanner STANDARD =
      new SecretScanner(
          List.of(
              new AwsAccessKeyIdDetector(),
              new AwsSecretAccessKeyDetector(),
              new GitHubTokenDetector(),
              new GitLabTokenDetector(),
              new SlackTokenDetector(),
              new SlackWebhookDetector(),
              new StripeLiveKeyDetector(),
              new GoogleApiKeyDetector(),
              new PrivateKeyDetector(),
              new UrlPasswordDetector(),
              new SecretAssignmentDetector()));

  private final List<SecretDetector> detectors;
  private final AnchorTable anchors;

  public SecretScanner(List<SecretDetector> detectors) {
    this.detectors = List.copyOf(detectors);
    this.anchors = AnchorTable.of(this.detectors);
  }

  /** Every detector RULES.md names, in priority order. */
  public static SecretScanner standard() {
    return STANDARD;
  }

  public List<SecretDetector> detectors() {
    return detectors;
  }

  /** The kind names of the detectors, in priority order. */
  public List<String> kinds() {
    return detectors.stream().map(SecretDetector::kind).toList();
  }

  /** The findings in one file, ordered by line. */
  public List<SecretFinding> scan(String path, String content) {
    ScanText text = textOf(path, content);
    List<SecretMatch> accepted = matches(text);
    List<SecretFinding> findings = new ArrayList<>(accepted.size());
    for (SecretMatch match : accepted) {
      findings.add(
          new SecretFinding(
              match.kind(), path, text.lineNumber(match.start()), match.fingerprint()));
    }
    return findings;
  }

  /** A file's text for this scanner's detectors. */
  ScanText textOf(String path, String content) {
    return new ScanText(path, content, anchors);
  }

  /** The matches of every detector, earlier detectors winning overlaps, ordered by offset. */
  List<SecretMatch> matches(ScanText text) {
    List<SecretMatch> accepted = new ArrayList<>();
    List<SecretMatch> found = new ArrayList<>();
    for (SecretDetector detector : detectors) {
      found.clear();
      detector.detect(text, found);
      for (SecretMatch match : found) {
        if (accepted.stream().noneMatch(match::overlaps)) {
          accepted.add(match);
        }
      }
    }
    accepted.sort(Comparator.comparingInt(SecretMatch::start));
    return accepted;
  }
}
