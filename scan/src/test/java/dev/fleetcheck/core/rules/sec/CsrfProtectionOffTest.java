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

class CsrfProtectionOffTest {

  @TempDir Path dir;
  private final CsrfProtectionOff rule = new CsrfProtectionOff();

  @Test
  void exemptViewsMiddlewareWithoutCsrfAndFlaskWtfOffFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "shop/views.py",
                """
                from django.views.decorators.csrf import csrf_exempt as no_csrf

                @no_csrf
                def checkout(request):
                    return None
                """)
            .file(
                "shop/settings.py",
                """
                MIDDLEWARE = [
                    "django.contrib.sessions.middleware.SessionMiddleware",
                    "django.middleware.common.CommonMiddleware",
                ]
                WTF_CSRF_ENABLED = False
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "shop/settings.py:1: MIDDLEWARE has SessionMiddleware but no CsrfViewMiddleware",
            "shop/settings.py:5: Flask-WTF CSRF protection off: WTF_CSRF_ENABLED = False",
            "shop/views.py:4: view checkout is exempt from CSRF protection (@csrf_exempt)");
  }

  @Test
  void safeOnlyViewsFullMiddlewareTestingConfigsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "shop/views.py",
                """
                from django.views.decorators.csrf import csrf_exempt
                from django.views.decorators.http import require_GET

                @csrf_exempt
                @require_GET
                def health(request):
                    return None
                # @csrf_exempt
                """)
            .file(
                "shop/settings.py",
                """
                MIDDLEWARE = [
                    "django.contrib.sessions.middleware.SessionMiddleware",
                    "django.middleware.csrf.CsrfViewMiddleware",
                ]

                class TestingConfig:
                    WTF_CSRF_ENABLED = False
                """)
            .file(
                "tests/test_views.py",
                "from django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\n"
                    + "def v(r):\n    pass\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
