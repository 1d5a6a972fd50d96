package dev.fleetcheck.core.secrets;

import static dev.fleetcheck.core.secrets.Scan.findings;
import static dev.fleetcheck.core.secrets.Scan.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPasswordDetectorTest {

  @Test
  void passwordInAConnectionUrlIsFoundOnItsLine() {
    String env = "APP_ENV=prod\nDATABASE_URL=postgresql://app:Qm7t-Vx2.pL9z@db.internal:5432/app\n";
    assertThat(findings(".env", env))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("url_password");
              assertThat(f.line()).isEqualTo(2);
            });
  }

  @Test
  void tokenAsPasswordInAGitRemoteIsFound() {
    assertThat(kinds("ci.sh", "git clone https://deploy:Zr84kQ1vLm0s@git.internal/org/repo.git\n"))
        .containsExactly("url_password");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://app:${DB_PASSWORD}@db:5432/app",
        "postgresql://postgres:postgres@localhost:5432/app",
        "amqp://guest:guest@rabbitmq:5672//",
        "https://user:Zr84kQ1vLm0s@example.com/private",
        "https://<user>:<token>@git.internal/repo.git",
        "redis://:password@localhost:6379/0",
        "http://localhost:8080/health?next=a@b",
        "git@github.com:org/repo.git",
        "ssh://git@github.com:22/org/repo.git"
      })
  void referencesDefaultsExamplesAndUserOnlyUrlsAreNot(String url) {
    assertThat(kinds("config.yaml", "url: \"" + url + "\"\n")).isEmpty();
  }

  @Test
  void formatStringsAreNot() {
    assertThat(kinds("db.py", "DSN = f\"postgresql://{user}:{password}@{host}/app\"\n")).isEmpty();
  }
}
