package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * Finds one kind of credential in a file's text. Detectors look for cheap literal anchors first (a
 * token prefix, a key name), which the scanner finds for all detectors in one pass over the file
 * ({@link #anchors}), and only then examine the text around each hit. A detector never keeps or
 * reports the raw value: each match carries its span and {@link Fingerprint}.
 */
public interface SecretDetector {

  /** The stable kind name shown in findings, e.g. {@code aws_access_key_id}. */
  String kind();

  /** Adds every match in {@code text} to {@code matches}. */
  void detect(ScanText text, List<SecretMatch> matches);

  /**
   * The literals this detector looks for through {@link ScanText#find}, so that the scanner finds
   * them with every other detector's in one pass over a file ({@link AnchorTable}).
   */
  default List<String> anchors() {
    return List.of();
  }

  /** The lower-case literals it looks for through {@link ScanText#findFolded}. */
  default List<String> foldedAnchors() {
    return List.of();
  }
}
