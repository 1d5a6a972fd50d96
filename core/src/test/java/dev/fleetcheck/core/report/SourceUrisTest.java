package dev.fleetcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceUrisTest {

  @Test
  void redactRemovesCredentialsQueryAndFragment() {
    assertThat(SourceUris.redact("https://user:ghp_abc123@github.com/org/repo.git?token=x#frag"))
        .isEqualTo("https://github.com/org/repo.git");
    assertThat(SourceUris.redact("ssh://git@host:2222/org/repo.git"))
        .isEqualTo("ssh://host:2222/org/repo.git");
    assertThat(SourceUris.redact("git@github.com:org/repo.git"))
        .isEqualTo("github.com:org/repo.git");
    assertThat(SourceUris.redact("/srv/repos/app")).isEqualTo("/srv/repos/app");
    assertThat(SourceUris.redact("https://tok en@host/a b")).isEqualTo("https://host/a b");
  }

  @Test
  void toUriGivesAnAbsoluteUriForEveryKindOfSource() {
    assertThat(SourceUris.toUri("git@github.com:org/repo.git"))
        .contains("ssh://github.com/org/repo.git");
    assertThat(SourceUris.toUri("https://a:b@example.com/r")).contains("https://example.com/r");
    assertThat(SourceUris.toUri("/srv/repos/app"))
        .contains(Path.of("/srv/repos/app").toUri().toString());
    assertThat(SourceUris.toUri("")).isEmpty();
  }
}
