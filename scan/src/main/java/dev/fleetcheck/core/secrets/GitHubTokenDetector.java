package dev.fleetcheck.core.secrets;

import java.util.List;
import java.util.stream.Stream;

/**
 * GitHub tokens: classic personal, OAuth, user-to-server, server-to-server, refresh, fine-grained.
 */
public final class GitHubTokenDetector implements SecretDetector {

  private static final PrefixedToken CLASSIC =
      new PrefixedToken(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), "A-Za-z0-9", 36, 251);
  private static final PrefixedToken FINE_GRAINED =
      new PrefixedToken(List.of("github_pat_"), "A-Za-z0-9_", 40, 244, Entropy::hasDigit);

  @Override
  public String kind() {
    return "github_token";
  }

  @Override
  public List<String> anchors() {
    return Stream.concat(CLASSIC.prefixes().stream(), FINE_GRAINED.prefixes().stream()).toList();
  }

  @Override
  public void detect(ScanText text, List<SecretMatch> matches) {
    CLASSIC.find(text, kind(), matches);
    FINE_GRAINED.find(text, kind(), matches);
  }
}
