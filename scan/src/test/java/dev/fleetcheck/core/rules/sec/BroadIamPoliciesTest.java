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

class BroadIamPoliciesTest {

  @TempDir Path dir;
  private final BroadIamPolicies rule = new BroadIamPolicies();

  @Test
  void wildcardActionsWritesOnEveryResourceAndFullAccessPoliciesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Policies:
                        - AmazonS3FullAccess
                        - DynamoDBCrudPolicy:
                            TableName: "*"
                        - Statement:
                            - Effect: Allow
                              Action: "dynamodb:*"
                              Resource: !GetAtt Table.Arn
                            - Effect: Allow
                              Action:
                                - sqs:DeleteMessage
                                - xray:PutTraceSegments
                              Resource: "*"
                  Admin:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/AdministratorAccess
                      Policies:
                        - PolicyName: all
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: "*"
                                Resource: "*"
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "template.yaml:8: Worker attaches the broad managed policy AmazonS3FullAccess",
            "template.yaml:9: function Worker: SAM policy template DynamoDBCrudPolicy is given"
                + " \"*\" as its resource",
            "template.yaml:13: IAM statement allows every action of a service (dynamodb:*)",
            "template.yaml:17: IAM statement allows sqs:DeleteMessage on every resource"
                + " (Resource: \"*\")",
            "template.yaml:24: Admin attaches the broad managed policy AdministratorAccess",
            "template.yaml:30: IAM statement allows every action (Action: \"*\")");
  }

  @Test
  void scopedPoliciesResourcePoliciesDenyAndTestFixturesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Policies:
                        - AWSLambdaBasicExecutionRole
                        - DynamoDBReadPolicy:
                            TableName: !Ref Table
                        - Statement:
                            - Effect: Allow
                              Action: [xray:PutTraceSegments, cloudwatch:PutMetricData]
                              Resource: "*"
                            - Effect: Deny
                              Action: "*"
                              Resource: "*"
                  Bucket:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: "*"
                            Action: "s3:*"
                            Resource: "*"
                """)
            .file(
                "tests/fixtures/template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n"
                    + "    Type: AWS::Serverless::Function\n    Properties:\n"
                    + "      Policies: [AdministratorAccess]\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }

  @Test
  void withoutATemplateItIsNotApplicable() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "x = 1\n").build();

    assertThat(check(rule, repo, Profile.LAMBDA).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
