package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void aBuildOutsideGitSaysUnknown() {
    Properties unfiltered = new Properties();
    unfiltered.setProperty("version", "0.1.0");
    unfiltered.setProperty("commit", "${git.commit.id.full}");

    assertThat(BuildInfo.from(unfiltered).describe())
        .isEqualTo("fleetcheck 0.1.0 (commit unknown)");
  }

  @Test
  void aFullShaIsKept() {
    Properties filtered = new Properties();
    filtered.setProperty("version", "1.2.3");
    filtered.setProperty("commit", "0123456789abcdef0123456789abcdef01234567\n");

    assertThat(BuildInfo.from(filtered))
        .isEqualTo(new BuildInfo("1.2.3", "0123456789abcdef0123456789abcdef01234567"));
  }

  @Test
  void theBuiltResourceCarriesThisBuildsVersion() {
    assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
