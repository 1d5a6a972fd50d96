package dev.fleetcheck.functions.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.functions.common.EventJson;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsEventsTest {

  private static SQSEvent ours(String json) throws Exception {
    return SqsEvents.event(
        EventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theSampleBatchReadsAsTheLambdaRuntimeReadsIt() throws Exception {
    SQSEvent runtime = SampleEvents.read("worker/sqs-batch.json", SQSEvent.class);

    assertThat(ours(SampleEvents.text("worker/sqs-batch.json"))).isEqualTo(runtime);
    assertThat(runtime.getRecords()).hasSize(2);
  }

  @Test
  void binaryAttributesAreDecodedFromBase64() throws Exception {
    String batch =
        """
        {"Records": [{"messageId": "m-1", "body": "{}", "messageAttributes": {"blob":
          {"binaryValue": "AAEC", "binaryListValues": ["Aw=="], "dataType": "Binary"}}}]}
        """;
    SQSEvent.MessageAttribute blob =
        ours(batch).getRecords().get(0).getMessageAttributes().get("blob");

    assertThat(blob.getBinaryValue().array()).containsExactly(0, 1, 2);
    assertThat(blob.getBinaryListValues().get(0).array()).containsExactly(3);
    assertThat(blob.getDataType()).isEqualTo("Binary");
  }

  @Test
  void aNullEventIsNoBatch() throws Exception {
    assertThat(ours("null")).isNull();
    assertThat(ours("")).isNull();
  }

  @Test
  void thePartialBatchResponseNamesTheMessagesToDeliverAgain() throws Exception {
    SQSBatchResponse response =
        new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-2")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    EventJson.write(SqsEvents.json(response), out);

    assertThat(new ObjectMapper().readTree(out.toByteArray()))
        .isEqualTo(
            new ObjectMapper().readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}"));
  }
}
