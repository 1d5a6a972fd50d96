package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsecureCookiesTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new InsecureCookies(), repo, Profile.API);
  }

  @Test
  void passesWithSecureCookies() {
    Outcome outcome =
        check(
            "site/settings.py",
            """
            SESSION_COOKIE_SECURE = True
            CSRF_COOKIE_SECURE = True
            response.set_cookie("sid", value, secure=True, httponly=True)
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOnEachInsecureSetting() {
    Outcome outcome =
        check(
            "site/settings.py",
            """
            SESSION_COOKIE_SECURE = False
            CSRF_COOKIE_SECURE = False
            SESSION_COOKIE_HTTPONLY = False
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "site/settings.py:1: SESSION_COOKIE_SECURE = False",
            "site/settings.py:2: CSRF_COOKIE_SECURE = False",
            "site/settings.py:3: SESSION_COOKIE_HTTPONLY = False");
  }

  @Test
  void flaskConfigFormsCount() {
    Outcome outcome =
        check(
            "app/__init__.py",
            """
            from django.conf import settings as conf
            class Config:
                SESSION_COOKIE_SECURE = False
            app.config["SESSION_COOKIE_HTTPONLY"] = False
            app.config.update(
                CSRF_COOKIE_SECURE=False,
            )
            conf.SESSION_COOKIE_SECURE = False
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(3, 4, 5, 8);
  }

  @Test
  void setCookieWithInsecureFlagsFailsWhereTheCallStarts() {
    Outcome outcome =
        check(
            "app/views.py",
            """
            resp.set_cookie(
                "sid",
                value,
                secure=False,
                httponly=False,
            )
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/views.py:1: resp.set_cookie(..., httponly=False)",
            "app/views.py:1: resp.set_cookie(..., secure=False)");
  }

  @Test
  void textInStringsCommentsAndTestCodeDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "site/settings.py",
                """
                # SESSION_COOKIE_SECURE = False
                NOTE = "SESSION_COOKIE_SECURE = False"
                """)
            .file("tests/settings.py", "SESSION_COOKIE_SECURE = False\n")
            .build();

    assertThat(RuleFixture.check(new InsecureCookies(), repo, Profile.API).status())
        .isEqualTo(Status.PASS);
  }
}
