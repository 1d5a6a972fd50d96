package dev.fleetcheck.functions.worker;

import static dev.fleetcheck.functions.common.EventJson.list;
import static dev.fleetcheck.functions.common.EventJson.strings;
import static dev.fleetcheck.functions.common.EventJson.text;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQS batch read from the event's JSON tree into the events library's type, and the partial
 * batch response written back, for {@link WorkerHandler}'s stream entry.
 */
final class SqsEvents {

  private SqsEvents() {}

  /** The batch; null for a JSON {@code null}. */
  static SQSEvent event(JsonNode json) {
    if (!json.isObject()) {
      return null;
    }
    SQSEvent event = new SQSEvent();
    JsonNode records = json.get("Records");
    if (records != null && records.isArray()) {
      List<SQSEvent.SQSMessage> messages = new ArrayList<>();
      for (JsonNode record : records) {
        if (record.isObject()) {
          messages.add(message(record));
        }
      }
      event.setRecords(messages);
    }
    return event;
  }

  private static SQSEvent.SQSMessage message(JsonNode json) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(text(json, "messageId"));
    message.setReceiptHandle(text(json, "receiptHandle"));
    message.setBody(text(json, "body"));
    message.setMd5OfBody(text(json, "md5OfBody"));
    message.setMd5OfMessageAttributes(text(json, "md5OfMessageAttributes"));
    message.setEventSourceArn(text(json, "eventSourceARN"));
    message.setEventSource(text(json, "eventSource"));
    message.setAwsRegion(text(json, "awsRegion"));
    message.setAttributes(strings(json, "attributes"));
    JsonNode attributes = json.get("messageAttributes");
    if (attributes != null && attributes.isObject()) {
      Map<String, SQSEvent.MessageAttribute> map = new LinkedHashMap<>();
      attributes
          .properties()
          .forEach(
              entry -> {
                if (entry.getValue().isObject()) {
                  SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                  attribute.setStringValue(text(entry.getValue(), "stringValue"));
                  attribute.setStringListValues(list(entry.getValue(), "stringListValues"));
                  String binary = text(entry.getValue(), "binaryValue");
                  if (binary != null) {
                    attribute.setBinaryValue(bytes(binary));
                  }
                  List<String> binaries = list(entry.getValue(), "binaryListValues");
                  if (binaries != null) {
                    attribute.setBinaryListValues(binaries.stream().map(SqsEvents::bytes).toList());
                  }
                  attribute.setDataType(text(entry.getValue(), "dataType"));
                  map.put(entry.getKey(), attribute);
                }
              });
      message.setMessageAttributes(map);
    }
    return message;
  }

  private static ByteBuffer bytes(String base64) {
    return ByteBuffer.wrap(Base64.getDecoder().decode(base64));
  }

  /** The partial batch response: the IDs of the messages to deliver again. */
  static Map<String, Object> json(SQSBatchResponse response) {
    List<Map<String, String>> failures = new ArrayList<>();
    if (response.getBatchItemFailures() != null) {
      for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
        failures.add(Map.of("itemIdentifier", failure.getItemIdentifier()));
      }
    }
    return Map.of("batchItemFailures", failures);
  }
}
