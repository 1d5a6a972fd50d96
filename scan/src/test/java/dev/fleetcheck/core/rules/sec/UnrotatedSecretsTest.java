package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnrotatedSecretsTest {

  @TempDir Path dir;
  private final UnrotatedSecrets rule = new UnrotatedSecrets();

  @Test
  void accessKeysAndSecretsWithoutRotationFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  DeployKey:
                    Type: AWS::IAM::AccessKey
                    Properties:
                      UserName: !Ref Deployer
                  ApiSecret:
                    Type: AWS::SecretsManager::Secret
                  DbSecret:
                    Type: AWS::SecretsManager::Secret
                  DbRotation:
                    Type: AWS::SecretsManager::RotationSchedule
                    Properties:
                      SecretId: !Ref DbSecret
                      RotationRules:
                        AutomaticallyAfterDays: 30
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "template.yaml:3: DeployKey creates a long-lived IAM access key",
            "template.yaml:7: secret ApiSecret has no RotationSchedule");
  }

  @Test
  void rotatedSecretsAndSchedulesByOtherReferencesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ApiSecret:
                    Type: AWS::SecretsManager::Secret
                  Rotation:
                    Type: AWS::SecretsManager::RotationSchedule
                    Properties:
                      SecretId: {"Fn::Sub": "arn:aws:secretsmanager:${AWS::Region}:1:secret:x"}
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void withoutATemplateItIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("app/main.py", "X = 1\n").build();

    assertThat(check(rule, repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
