package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.functions.common.EventJson;
import dev.fleetcheck.functions.common.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApiEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static APIGatewayV2HTTPEvent ours(String json) {
    try {
      return ApiEvents.event(
          EventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static APIGatewayV2HTTPEvent runtimes(String json) {
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, ApiEventsTest.class.getClassLoader())
        .fromJson(json);
  }

  private static List<String> samples() throws IOException {
    try (Stream<Path> files = Files.list(SampleEvents.path("api"))) {
      return files.map(f -> "api/" + f.getFileName()).sorted().toList();
    }
  }

  @Test
  void everySampleEventReadsAsTheLambdaRuntimeReadsIt() throws IOException {
    List<String> samples = samples();

    assertThat(samples).hasSizeGreaterThan(5);
    for (String sample : samples) {
      String json = SampleEvents.text(sample);
      assertThat(ours(json)).as(sample).isEqualTo(runtimes(json));
    }
  }

  @Test
  void aBase64BodyAndAVerifiedScopeListReadAsTheRuntimeReadsThem() throws IOException {
    ObjectNode event = (ObjectNode) JSON.readTree(SampleEvents.text("api/post-scan.json"));
    event.put("isBase64Encoded", true).put("body", "eyJyZXBvIjoieCJ9");
    event.putArray("cookies").add("a=b");
    ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt"))
        .putArray("scopes")
        .add("scans:write");
    String json = JSON.writeValueAsString(event);

    APIGatewayV2HTTPEvent read = ours(json);

    assertThat(read).isEqualTo(runtimes(json));
    assertThat(ApiRequest.of(read, "r").body()).isEqualTo("{\"repo\":\"x\"}");
    assertThat(ApiRequest.of(read, "r").scopes().orElseThrow()).contains("scans:write");
  }

  @Test
  void aNullEventIsNoEvent() {
    assertThat(ours("null")).isNull();
  }

  @Test
  void theResponseIsWrittenAsTheLambdaRuntimeWritesIt() throws IOException {
    APIGatewayV2HTTPResponse response =
        APIGatewayV2HTTPResponse.builder()
            .withStatusCode(404)
            .withHeaders(Map.of("content-type", "application/json", "x-request-id", "r-1"))
            .withBody("{\"error_code\":\"scan_not_found\"}")
            .withIsBase64Encoded(false)
            .build();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    ByteArrayOutputStream runtimes = new ByteArrayOutputStream();

    EventJson.write(ApiEvents.json(response), ours);
    LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPResponse.class, ApiEventsTest.class.getClassLoader())
        .toJson(response, runtimes);

    assertThat(JSON.readTree(ours.toByteArray()))
        .isEqualTo(withoutNulls(JSON.readTree(runtimes.toByteArray())));
  }

  private static JsonNode withoutNulls(JsonNode node) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    List<String> nulls =
        copy.properties().stream()
            .filter(e -> e.getValue().isNull())
            .map(Map.Entry::getKey)
            .toList();
    copy.remove(nulls);
    return copy;
  }
}
