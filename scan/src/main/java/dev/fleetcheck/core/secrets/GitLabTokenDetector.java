package dev.fleetcheck.core.secrets;

import java.util.List;

/** GitLab personal access tokens ({@code glpat-}). */
public final class GitLabTokenDetector implements SecretDetector {

  private static final PrefixedToken TOKEN =
      new PrefixedToken(List.of("glpat-"), "A-Za-z0-9_-", 20, 64);

  @Override
  public String kind() {
    return "gitlab_token";
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
