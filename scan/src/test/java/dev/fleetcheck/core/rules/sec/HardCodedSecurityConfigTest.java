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

class HardCodedSecurityConfigTest {

  @TempDir Path dir;
  private final HardCodedSecurityConfig rule = new HardCodedSecurityConfig();

  @Test
  void literalIssuersMixedOriginsAndRedirectUrisFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                import jwt as pyjwt
                from fastapi.middleware.cors import CORSMiddleware

                ISSUER = "https://login.acme.io/"

                def verify(token, key):
                    return pyjwt.decode(
                        token, key, algorithms=["RS256"], issuer=ISSUER, audience="orders-api"
                    )

                app.add_middleware(
                    CORSMiddleware,
                    allow_origins=["http://localhost:3000", "https://app.acme.io"],
                )
                oauth.register("acme", redirect_uri="https://app.acme.io/callback")
                """)
            .file(
                "site/settings.py",
                "CORS_ALLOWED_ORIGINS = [\"http://127.0.0.1:8000\", \"https://acme.io\"]\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/auth.py:7: JWT audience hard-coded as a literal",
            "app/auth.py:7: JWT issuer hard-coded as a literal",
            "app/auth.py:11: CORS origins mix localhost with public hosts in one literal list",
            "app/auth.py:15: OAuth redirect_uri hard-coded (https://app.acme.io/callback)",
            "site/settings.py:1: CORS origins mix localhost with public hosts in one literal list");
  }

  @Test
  void configuredValuesLocalOnlyOriginsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/auth.py",
                """
                import jwt

                def verify(token, key):
                    return jwt.decode(token, key, issuer=settings.ISSUER, audience=None)

                app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:3000"])
                app.add_middleware(CORSMiddleware, allow_origins=settings.ORIGINS)
                oauth.register("acme", redirect_uri=settings.REDIRECT_URI)
                DOC = "jwt.decode(token, issuer='https://x.io')"
                """)
            .file(
                "tests/test_auth.py",
                "import jwt\njwt.decode(t, k, issuer=\"https://login.acme.io/\")\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
