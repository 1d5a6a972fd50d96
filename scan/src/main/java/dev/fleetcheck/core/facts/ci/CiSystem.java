package dev.fleetcheck.core.facts.ci;

/** The CI services whose configuration the scanner reads (RULES.md, "CI (PY-QG-001/002)"). */
public enum CiSystem {
  GITHUB_ACTIONS("GitHub Actions"),
  GITLAB_CI("GitLab CI"),
  JENKINS("Jenkins"),
  CIRCLECI("CircleCI"),
  AZURE_PIPELINES("Azure Pipelines"),
  BITBUCKET_PIPELINES("Bitbucket Pipelines"),
  TRAVIS_CI("Travis CI"),
  PRE_COMMIT_CI("pre-commit.ci");

  private final String displayName;

  CiSystem(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
