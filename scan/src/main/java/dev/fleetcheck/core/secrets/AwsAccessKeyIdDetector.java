package dev.fleetcheck.core.secrets;

import java.util.List;

/** AWS access key IDs: {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 more. */
public final class AwsAccessKeyIdDetector implements SecretDetector {

  private static final PrefixedToken TOKEN =
      new PrefixedToken(List.of("AKIA", "ASIA"), "A-Z0-9", 16, 16);

  @Override
  public String kind() {
    return "aws_access_key_id";
  }

  @Override
  public List<String> anchors() {
    return TOKEN.prefixes();
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    TOKEN.find(text, kind(), matches);
  }
}
