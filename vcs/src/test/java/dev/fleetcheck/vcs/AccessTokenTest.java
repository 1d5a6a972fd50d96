package dev.fleetcheck.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

  @Test
  void printsAsAMask() {
    AccessToken token = AccessToken.of("ghp_secretvalue");
    assertThat(token.toString()).doesNotContain("ghp_secretvalue").contains("***");
    assertThat(String.valueOf(java.util.Optional.of(token))).doesNotContain("secret");
    assertThat(token.reveal()).isEqualTo("ghp_secretvalue");
  }

  @Test
  void readFromTheEnvironmentVariableOnly() {
    assertThat(AccessToken.fromEnvironment(Map.of("FLEETCHECK_GITHUB_TOKEN", " ghp_x \n")))
        .contains(AccessToken.of("ghp_x"));
    assertThat(AccessToken.fromEnvironment(Map.of("FLEETCHECK_GITHUB_TOKEN", "  "))).isEmpty();
    assertThat(AccessToken.fromEnvironment(Map.of("GITHUB_TOKEN", "ghp_x"))).isEmpty();
  }

  @Test
  void refusesValuesAHeaderCannotCarryWithoutRepeatingThem() {
    assertThatThrownBy(() -> AccessToken.of("ghp_abc\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("ghp_abc");
  }
}
