package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingNegativeTestsTest {

  @TempDir Path dir;
  private final MissingNegativeTests rule = new MissingNegativeTests();

  private static final String PROTECTED =
      """
      from fastapi.security import OAuth2PasswordBearer

      oauth2 = OAuth2PasswordBearer(tokenUrl="token")
      """;

  @Test
  void protectedRoutesWithoutNegativeTestsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/auth.py", PROTECTED)
            .file(
                "tests/test_api.py",
                "def test_ok(client):\n"
                    + "    assert client.get('/').status_code == 200\n"
                    + "    # 401 and 403 in comments do not count\n"
                    + "    assert 'HTTP_403_FORBIDDEN' not in text\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly("no test asserts a 401 outcome", "no test asserts a 403 outcome");
  }

  @Test
  void negativeTestsForBothStatusesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/views.py",
                "from django.contrib.auth.decorators import login_required\n\n"
                    + "@login_required\ndef view(request):\n    pass\n")
            .file(
                "tests/test_api.py",
                """
                from rest_framework import status

                def test_denied(client):
                    assert client.get("/").status_code == 401
                    assert other.status_code == status.HTTP_403_FORBIDDEN
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void withoutProtectedRoutesItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "DOC = \"OAuth2PasswordBearer(tokenUrl='t')\"\n")
            .file("tests/test_app.py", "import app.auth\n")
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
