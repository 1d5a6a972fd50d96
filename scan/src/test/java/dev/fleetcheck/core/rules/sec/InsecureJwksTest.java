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

class InsecureJwksTest {

  @TempDir Path dir;
  private final InsecureJwks rule = new InsecureJwks();

  @Test
  void plaintextJwksDisabledCacheAndPastedKeysFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                import jwt
                from jwt import PyJWKClient

                JWKS_URL = "http://login.acme.io/.well-known/jwks.json"
                PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----"
                client = PyJWKClient(JWKS_URL, cache_jwk_set=False)

                def verify(token):
                    return jwt.decode(
                        token, PUBLIC_KEY, algorithms=["RS256"], issuer="https://login.acme.io/"
                    )
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:4: signing keys fetched over plaintext http://"
                + " (http://login.acme.io/.well-known/jwks.json)",
            "app/auth.py:5: public key pasted into code as PUBLIC_KEY (cannot rotate)",
            "app/auth.py:6: PyJWKClient with its key cache turned off");
  }

  @Test
  void httpsCachedLocalKeysWithoutIssuerAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                import jwt

                JWKS = "https://login.acme.io/.well-known/jwks.json"
                LOCAL = "http://localhost:8080/.well-known/jwks.json"
                KEY = "-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----"
                # "http://login.acme.io/jwks"
                client = jwt.PyJWKClient(JWKS)

                def verify(token):
                    return jwt.decode(token, KEY, algorithms=["RS256"])
                """)
            .file("tests/test_auth.py", "U = \"http://login.acme.io/jwks\"\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void withoutJwtVerificationItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/main.py", "U = \"http://login.acme.io/.well-known/jwks.json\"\n")
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
