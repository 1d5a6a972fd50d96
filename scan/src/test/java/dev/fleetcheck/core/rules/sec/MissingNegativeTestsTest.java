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

  @Test
  void theOpenApiModelNamedAfterASecurityClassDoesNotProtect() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fastapi/security/http.py",
                """
                from fastapi.openapi.models import HTTPBearer as HTTPBearerModel

                class HTTPBearer:
                    def __init__(self, bearerFormat=None):
                        self.model = HTTPBearerModel(bearerFormat=bearerFormat)
                """)
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void permissionSettingsThatLetEveryoneInDoNotProtect() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "rest_framework/settings.py",
                """
                DEFAULTS = {
                    'DEFAULT_PERMISSION_CLASSES': [
                        'rest_framework.permissions.AllowAny',
                    ],
                }
                """)
            .file(
                "rest_framework/views.py",
                """
                class APIView:
                    permission_classes = api_settings.DEFAULT_PERMISSION_CLASSES

                class ObtainToken(APIView):
                    permission_classes = ()

                def permission_classes(permission_classes):
                    def decorator(func):
                        func.permission_classes = permission_classes
                        return func
                    return decorator
                """)
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aPermissionClassThatCanDenyProtects() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/views.py",
                """
                from rest_framework.permissions import AllowAny, IsAuthenticated

                class Items(APIView):
                    permission_classes = [AllowAny, IsAuthenticated]
                """)
            .file("tests/test_views.py", "def test_ok(client):\n    assert client.get('/')\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly("no test asserts a 401 outcome", "no test asserts a 403 outcome");
  }

  @Test
  void djangoLoginRedirectsAskOnlyForA403Test() {
    String views =
        """
        from django.contrib.auth.decorators import login_required

        @login_required
        def members(request):
            pass
        """;
    Path manual =
        FixtureRepo.in(dir.resolve("manual"))
            .python()
            .file("lists/views.py", views)
            .file(
                "lists/tests/test_views.py",
                "def test_owner_only(client):\n    assert client.get('/').status_code == 403\n")
            .build();
    Path failing =
        FixtureRepo.in(dir.resolve("failing"))
            .python()
            .file("lists/views.py", views)
            .file("lists/tests/test_views.py", "def test_ok(client):\n    assert client.get('/')\n")
            .build();
    Path flaskLogin =
        FixtureRepo.in(dir.resolve("flask"))
            .python()
            .file("app/views.py", views.replace("django.contrib.auth.decorators", "flask_login"))
            .file(
                "tests/test_views.py",
                "def test_owner_only(client):\n    assert client.get('/').status_code == 403\n")
            .build();

    assertNoEvidentViolation(check(rule, manual, Profile.API));
    assertThat(findings(check(rule, failing, Profile.API)))
        .containsExactly("no test asserts a 403 outcome");
    assertThat(findings(check(rule, flaskLogin, Profile.API)))
        .containsExactly("no test asserts a 401 outcome");
  }
}
