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

class UntestedTokenValidationTest {

  @TempDir Path dir;
  private final UntestedTokenValidation rule = new UntestedTokenValidation();

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::Api
          Properties:
            Auth:
              DefaultAuthorizer: TokenAuth
              Authorizers:
                TokenAuth:
                  FunctionArn: !GetAtt AuthFunction.Arn
        AuthFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ./auth
            Handler: authorizer.lambda_handler
      """;

  private static final String VERIFY =
      """
      import jwt

      def verify(token, key):
          return jwt.decode(
              token, key, algorithms=["RS256"], issuer=ISSUER, audience=AUDIENCE
          )
      """;

  @Test
  void untestedIssuerVerificationAndAuthorizerFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE)
            .file("auth/authorizer.py", "def lambda_handler(event, context):\n    return {}\n")
            .file("app/verify.py", VERIFY)
            .file("tests/test_app.py", "from app import verify\n# jwt.encode in a comment\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "app/verify.py:4: tokens are verified against an issuer's keys but no test signs a"
                + " token or stubs the JWKS",
            "auth/authorizer.py:1: Lambda authorizer lambda_handler is imported by no test");
  }

  @Test
  void signedTokensAndAnImportedAuthorizerStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("template.yaml", TEMPLATE)
            .file("auth/authorizer.py", "def lambda_handler(event, context):\n    return {}\n")
            .file("app/verify.py", VERIFY)
            .file(
                "tests/test_auth.py",
                """
                import jwt
                from auth.authorizer import lambda_handler

                def test_valid():
                    token = jwt.encode({"sub": "1"}, KEY, algorithm="RS256")
                    assert lambda_handler({"authorizationToken": token}, None)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }

  @Test
  void decodingWithoutAnIssuerAndNoAuthorizerIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/verify.py", "import jwt\njwt.decode(t, SECRET, algorithms=['HS256'])\n")
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
