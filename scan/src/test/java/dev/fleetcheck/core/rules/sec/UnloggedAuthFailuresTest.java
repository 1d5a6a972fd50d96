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

class UnloggedAuthFailuresTest {

  @TempDir Path dir;
  private final UnloggedAuthFailures rule = new UnloggedAuthFailures();

  private static final String AUTH =
      """
      import jwt
      import logging
      from fastapi import HTTPException

      log = logging.getLogger(__name__)

      def current_user(token):
          if not token:
              raise HTTPException(status_code=401, detail="Not authenticated")
          try:
              return jwt.decode(token, KEY, algorithms=["RS256"])
          except (jwt.ExpiredSignatureError, jwt.InvalidTokenError):
              raise HTTPException(401, "Invalid token")

      def other():
          log.info("unrelated")
      """;

  @Test
  void authenticationFailuresWithoutAnyLogFail() {
    Path repo = FixtureRepo.in(dir).python().file("app/auth.py", AUTH).build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:9: 401 answered by HTTPException(...) without a log call",
            "app/auth.py:12: authentication failure (except (jwt.ExpiredSignatureError,"
                + " jwt.InvalidTokenError)) is not logged",
            "app/auth.py:13: 401 answered by HTTPException(...) without a log call");
  }

  @Test
  void aLoggedFailurePathOrAnAuditEventStaysManual() {
    Path logged =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/auth.py",
                AUTH.replace(
                    "        raise HTTPException(401, \"Invalid token\")",
                    "        log.warning(\"auth.failed\", extra={\"reason\": \"invalid\"})\n"
                        + "        raise HTTPException(401, \"Invalid token\")"))
            .build();
    Path audited =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/auth.py", AUTH)
            .file("app/audit.py", "import logging\naudit = logging.getLogger(\"security.audit\")\n")
            .build();

    assertNoEvidentViolation(check(rule, logged, Profile.API));
    assertNoEvidentViolation(check(rule, audited, Profile.API));
  }

  @Test
  void anInvalidPaginationTokenIsNoAuthenticationFailureButCryptographysIs() {
    // moto: its own InvalidToken is a bad nextToken; cryptography's is a failed TOTP or Fernet
    // check.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/responses.py",
                """
                from app.exceptions import InvalidToken

                def list_things(backend, next_token):
                    try:
                        return backend.list(next_token=next_token)
                    except InvalidToken as exc:
                        raise InvalidNextTokenException() from exc
                """)
            .file(
                "app/mfa.py",
                """
                from cryptography import fernet
                from cryptography.hazmat.primitives.twofactor import InvalidToken

                def verify(totp, code, now):
                    try:
                        totp.verify(code, now)
                    except InvalidToken:
                        raise CodeMismatch("MFA code mismatch")

                def unseal(box, token):
                    try:
                        return box.decrypt(token)
                    except fernet.InvalidToken:
                        return None
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/mfa.py:7: authentication failure (except InvalidToken) is not logged",
            "app/mfa.py:13: authentication failure (except fernet.InvalidToken) is not logged");
  }

  @Test
  void withoutFailureSitesItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "try:\n    x()\nexcept KeyError:\n    pass\nDOC = '401'\n")
            .file("tests/test_auth.py", "from fastapi import HTTPException\nHTTPException(401)\n")
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
