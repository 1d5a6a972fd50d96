package dev.fleetcheck.core.rules.perf;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreportedBatchFailuresTest {

  @TempDir Path dir;
  private final UnreportedBatchFailures rule = new UnreportedBatchFailures();

  @Test
  void queueAndStreamSourcesWithoutPartialBatchResponsesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Queue.Arn
                      FunctionName: !Ref Worker
                      BatchSize: 5
                """)
            .file(
                "serverless.yml",
                """
                service: s
                provider:
                  name: aws
                functions:
                  consume:
                    handler: h.main
                    events:
                      - stream:
                          type: kinesis
                          arn: arn:aws:kinesis:eu-west-1:1:stream/s
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "serverless.yml:8: function consume stream event delivers batches of 100 without"
                + " ReportBatchItemFailures: one failure redelivers the whole batch",
            "template.yaml:9: function Worker event Jobs (SQS) delivers batches of 10 without"
                + " ReportBatchItemFailures: one failure redelivers the whole batch",
            "template.yaml:13: event source mapping Mapping (SQS) delivers batches of 5 without"
                + " ReportBatchItemFailures: one failure redelivers the whole batch");
  }

  @Test
  void partialResponsesSingleRecordBatchesAndOtherEventsStayManual() {
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
                      Events:
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-west-1:1:q
                            FunctionResponseTypes: [ReportBatchItemFailures]
                        One:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-west-1:1:r
                            BatchSize: 1
                        Sized:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-west-1:1:s
                            BatchSize: !Ref Size
                        Http:
                          Type: Api
                          Properties:
                            Path: /x
                            Method: get
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.LAMBDA));
  }
}
