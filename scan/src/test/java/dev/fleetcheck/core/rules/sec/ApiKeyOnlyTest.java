package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyOnlyTest {

  @TempDir Path dir;
  private final ApiKeyOnly rule = new ApiKeyOnly();

  private static final String KEYS =
      """
      from fastapi.security import APIKeyHeader, APIKeyQuery

      header_key = APIKeyHeader(name="X-API-Key")
      query_key = APIKeyQuery(
          name="key",
      )
      """;

  @Test
  void apiKeysAsTheOnlyCredentialFail() {
    Path repo = FixtureRepo.in(dir).python().file("app/security.py", KEYS).build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/security.py:3: APIKeyHeader is the only credential: no user or token"
                + " authentication",
            "app/security.py:4: APIKeyQuery is the only credential: no user or token"
                + " authentication");
  }

  @Test
  void apiKeysNextToBearerAuthenticationStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/security.py", KEYS)
            .file(
                "app/users.py",
                "from fastapi.security import OAuth2PasswordBearer\n"
                    + "oauth2 = OAuth2PasswordBearer(tokenUrl=\"token\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void anAuthorizationHeaderKeyJwtDecodingTestsAndStringsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/security.py",
                "from fastapi.security import APIKeyHeader\n"
                    + "bearer = APIKeyHeader(name=\"Authorization\")\n"
                    + "DOC = \"APIKeyQuery(name='k')\"\n")
            .file(
                "app/other.py",
                "from fastapi.security import APIKeyHeader\n"
                    + "import jwt\n"
                    + "k = APIKeyHeader(name=\"X-Key\")\n")
            .file(
                "tests/test_keys.py",
                "from fastapi.security import APIKeyQuery\nq = APIKeyQuery(name=\"k\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
