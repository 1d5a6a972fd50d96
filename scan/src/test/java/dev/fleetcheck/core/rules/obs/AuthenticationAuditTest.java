package dev.fleetcheck.core.rules.obs;

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

class AuthenticationAuditTest {

  @TempDir Path dir;
  private final AuthenticationAudit rule = new AuthenticationAudit();

  static final String AUTH =
      """
      from fastapi import Depends
      from fastapi.security import OAuth2PasswordBearer
      import jwt as pyjwt

      scheme = OAuth2PasswordBearer(tokenUrl="token")

      def current_user(token=Depends(scheme)):
          return pyjwt.decode(token, KEY, algorithms=["HS256"])
      """;

  @Test
  void authenticationWithoutAnyAuditEventFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/auth.py", AUTH)
            .file("tests/test_auth.py", "log.info('security.audit')\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:5: OAuth2PasswordBearer(...) authenticates, and the event"
                + " security.audit occurs nowhere in product code");
  }

  @Test
  void anAuditEventStaysManualAndNoAuthenticationIsNotApplicable() {
    Path audited =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("app/auth.py", AUTH)
            .file("app/audit.py", "import logging\nlogging.info('security.audit')\n")
            .build();
    Path open =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/main.py", "# from fastapi.security import HTTPBearer\nx = 'jwt.decode'\n")
            .build();

    assertNoEvidentViolation(check(rule, audited, Profile.API));
    assertThat(check(rule, open, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void anAliasedSecurityModuleStillAuthenticates() {
    // fastapi.security is spelled only in the import; the call is written sec.HTTPBearer().
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                from fastapi import security as sec

                scheme = sec.HTTPBearer()
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:3: sec.HTTPBearer(...) authenticates, and the event"
                + " security.audit occurs nowhere in product code");
  }

  @Test
  void fastapiSecurityScopesIsNotAuthenticationAndLoginRequiredIsNamedAsSuch() {
    // fastapi/dependencies/utils.py builds the SecurityScopes value for every request.
    Path scopes =
        FixtureRepo.in(dir.resolve("scopes"))
            .python()
            .file(
                "app/deps.py",
                """
                from fastapi.security.oauth2 import SecurityScopes

                def solve(dependant, values):
                    values["scopes"] = SecurityScopes(scopes=dependant.security_scopes)
                """)
            .build();
    Path views =
        FixtureRepo.in(dir.resolve("views"))
            .python()
            .file(
                "app/views.py",
                """
                from django.contrib.auth.decorators import login_required

                @login_required
                def profile(request):
                    pass
                """)
            .build();

    assertThat(check(rule, scopes, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(findings(check(rule, views, Profile.API)))
        .containsExactly(
            "app/views.py:3: @django.contrib.auth.decorators.login_required requires an"
                + " authenticated user, and the event security.audit occurs nowhere in product"
                + " code");
  }

  @Test
  void cadfAuditEventsStandForTheAuditEvent() {
    // keystone: authentication outcomes go out as CADF audit notifications.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/auth.py", AUTH)
            .file(
                "app/notifications.py",
                """
                from pycadf import cadftaxonomy as taxonomy

                def authenticated(user, ok):
                    send(taxonomy.ACTION_AUTHENTICATE,
                         taxonomy.OUTCOME_SUCCESS if ok else taxonomy.OUTCOME_FAILURE)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
