package dev.fleetcheck.core.secrets;

import java.util.List;

/**
 * Finds one kind of credential in a file's text. Detectors look for cheap literal anchors first (a
 * token prefix, a key name) and only then examine the text around each hit, so one file costs a few
 * {@code indexOf} passes. A detector never keeps or reports the raw value: each match carries its
 * span and {@link Fingerprint}.
 */
public interface SecretDetector {

  /** The stable kind name shown in findings, e.g. {@code aws_access_key_id}. */
  String kind();

  /** Adds every match in {@code text} to {@code matches}. */
  void detect(ScanText text, List<SecretMatch> matches);
}
