package dev.fleetcheck.core.secrets;

import java.util.List;

/** Stripe live secret and restricted keys; test-mode keys ({@code sk_test_}) move no money. */
public final class StripeLiveKeyDetector implements SecretDetector {

  private static final PrefixedToken TOKEN =
      new PrefixedToken(List.of("sk_live_", "rk_live_"), "A-Za-z0-9", 20, 247);

  @Override
  public String kind() {
    return "stripe_live_key";
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
