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

class PlaintextSecretEnvironmentTest {

  @TempDir Path dir;
  private final PlaintextSecretEnvironment rule = new PlaintextSecretEnvironment();

  @Test
  void literalsParameterReferencesAndResolvedSecretsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  DbPassword:
                    Type: String
                    NoEcho: true
                Globals:
                  Function:
                    Environment:
                      Variables:
                        API_TOKEN: s3cr3t-v4lue-9f8e7d
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          DB_PASSWORD: !Ref DbPassword
                          STRIPE_SECRET: "{{resolve:secretsmanager:stripe:SecretString:key}}"
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "template.yaml:10: Globals: secret-like variable API_TOKEN is a literal value",
            "template.yaml:17: function Api: secret-like variable DB_PASSWORD is a plain"
                + " parameter reference (!Ref DbPassword)",
            "template.yaml:18: function Api: secret-like variable STRIPE_SECRET is resolved into"
                + " plaintext configuration ({{resolve:...}})");
  }

  @Test
  void referencesToSecretsFlagsAndPlaceholdersStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Secret:
                    Type: AWS::SecretsManager::Secret
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          DB_SECRET_ARN: !Ref Secret
                          DB_PASSWORD_PARAM: /prod/db/password
                          API_KEY: !Ref Secret
                          USE_SECRETS: "true"
                          TOKEN: changeme
                          LOG_LEVEL: INFO
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }
}
