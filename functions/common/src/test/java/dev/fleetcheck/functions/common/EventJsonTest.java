package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final String EVENT =
      "{\"scheduled_time\":\"2026-12-07T03:00:00Z\",\"int\":7,\"long\":9007199254740993,"
          + "\"big\":123456789012345678901234567890,\"double\":1.5,\"exp\":2e3,\"yes\":true,"
          + "\"none\":null,\"list\":[1,\"a\",null,[false],{\"k\":\"v\"}],"
          + "\"nested\":{\"b\":{\"c\":-1},\"a\":\"first\"}}";

  private static JsonNode read(String json) throws Exception {
    return EventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theEventAsAMapIsWhatJacksonsUntypedMappingGivesWithTheSameTypesAndOrder() throws Exception {
    JsonNode tree = read(EVENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> jackson = new ObjectMapper().convertValue(tree, LinkedHashMap.class);

    Map<String, Object> map = EventJson.map(tree);

    assertThat(map).isEqualTo(jackson);
    assertThat(map.keySet()).containsExactlyElementsOf(jackson.keySet());
    for (String key : jackson.keySet()) {
      Object expected = jackson.get(key);
      assertThat(map.get(key)).as(key).isEqualTo(expected);
      if (expected != null) {
        assertThat(map.get(key)).as(key).isInstanceOf(expected.getClass());
      }
    }
    assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) map.get("nested")).keySet()))
        .containsExactly("b", "a");
  }

  @Test
  void anEventThatIsNotAnObjectHasNoMap() throws Exception {
    assertThat(EventJson.map(read("[1,2]"))).isNull();
    assertThat(EventJson.map(read("\"text\""))).isNull();
    assertThat(EventJson.map(read(""))).isNull();
  }
}
