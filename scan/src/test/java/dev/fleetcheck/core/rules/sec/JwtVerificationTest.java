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

class JwtVerificationTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new JwtVerification(), repo, Profile.API);
  }

  @Test
  void passesWhenTokensAreVerified() {
    Outcome outcome =
        check(
            "api/auth.py",
            """
            import jwt
            claims = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": True})
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsWhenSignatureVerificationIsOff() {
    Outcome outcome =
        check(
            "api/auth.py",
            """
            import jwt
            claims = jwt.decode(token, options={"verify_signature": False})
            old = jwt.decode(token, key, verify=False)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/auth.py:2: JWT signature verification disabled: \"verify_signature\": False",
            "api/auth.py:3: JWT signature verification disabled: jwt.decode(..., verify=False)");
  }

  @Test
  void aCallSpreadOverLinesPointsAtTheOffendingLine() {
    Outcome outcome =
        check(
            "api/auth.py",
            """
            import jwt
            claims = jwt.decode(
                token,
                key,
                algorithms=[
                    "HS256",
                    "none",
                ],
            )
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "api/auth.py:2: jwt.decode(...) accepts the 'none' algorithm: tokens need no signature");
  }

  @Test
  void aliasesAndOptionsBuiltElsewhereAreFollowed() {
    Outcome outcome =
        check(
            "api/auth.py",
            """
            from jose import jwt as jose_jwt
            from jwt import decode
            UNVERIFIED = {
                "verify_signature": False,
            }
            jose_jwt.decode(token, key, verify=False)
            decode(token, key, algorithms="none")
            opts = dict(verify_signature=False)
            """);

    assertThat(outcome.evidence()).extracting(e -> e.line()).containsExactly(4, 6, 7, 8);
  }

  @Test
  void textInStringsCommentsAndTestCodeDoesNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/auth.py",
                """
                # jwt.decode(token, options={"verify_signature": False})
                DOC = 'jwt.decode(token, verify=False)'
                """)
            .file("tests/test_auth.py", "jwt.decode(t, options={'verify_signature': False})\n")
            .build();

    assertThat(RuleFixture.check(new JwtVerification(), repo, Profile.API).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void verifyFalseElsewhereIsNotAboutJwt() {
    Outcome outcome = check("api/client.py", "requests.get(url, verify=False, timeout=3)\n");

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }
}
