package dev.fleetcheck.core.secrets;

import java.util.List;

/** Google API keys: {@code AIza} and 35 URL-safe characters. */
public final class GoogleApiKeyDetector implements SecretDetector {

  private static final PrefixedToken TOKEN =
      new PrefixedToken(List.of("AIza"), "A-Za-z0-9_-", 35, 35);

  @Override
  public String kind() {
    return "google_api_key";
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
