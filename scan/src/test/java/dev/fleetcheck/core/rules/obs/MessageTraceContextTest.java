package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTraceContextTest {

  @TempDir Path dir;
  private final MessageTraceContext rule = new MessageTraceContext();

  @Test
  void publishesWithoutContextFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/publish.py",
                """
                import boto3, json
                sqs = boto3.client("sqs")
                sns = boto3.client("sns")
                events = boto3.client("events")
                kinesis = boto3.client("kinesis")

                def send(order):
                    sqs.send_message(
                        QueueUrl=URL,
                        MessageBody=json.dumps(order))
                    sns.publish(TopicArn=TOPIC, Message="x")
                    sqs.send_message_batch(QueueUrl=URL, Entries=[{"Id": "1", "MessageBody": "b"}])
                    events.put_events(Entries=[{"Source": "app", "Detail": json.dumps({"id": 1})}])
                    kinesis.put_record(StreamName="s", Data=json.dumps({"id": 1}), PartitionKey="k")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "app/publish.py:8: sqs.send_message(...) publishes a message without"
                + " MessageAttributes",
            "app/publish.py:11: sns.publish(...) publishes a message without MessageAttributes",
            "app/publish.py:12: sqs.send_message_batch(...) publishes batch entries without"
                + " MessageAttributes",
            "app/publish.py:13: events.put_events(...) sends events whose Detail carries no"
                + " correlation id or trace context",
            "app/publish.py:14: kinesis.put_record(...) writes a record whose Data carries no"
                + " correlation id or trace context");
  }

  @Test
  void publishesWithContextOrUnseenPayloadsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/publish.py",
                """
                import boto3, json
                sqs = boto3.client("sqs")
                def send(order, entries, detail, **kw):
                    sqs.send_message(QueueUrl=URL, MessageBody="b", MessageAttributes=attrs)
                    sqs.send_message_batch(QueueUrl=URL, Entries=entries)
                    events.put_events(Entries=[{"Detail": json.dumps({"correlation_id": c})}])
                    events.put_events(Entries=[{"Detail": detail}])
                    sqs.send_message(**kw)
                    bus.publish("topic", order)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void anAliasedPublishIsStillJudged() {
    // The module spells publish only in its import: the name prefilter must let it through.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/notify.py",
                """
                from app.bus import publish as send

                def notify():
                    send(TopicArn=TOPIC, Message="x")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "app/notify.py:4: send(...) publishes a message without MessageAttributes");
  }
}
