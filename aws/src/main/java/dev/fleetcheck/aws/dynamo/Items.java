package dev.fleetcheck.aws.dynamo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing attribute values without the SDK's builders at every call site. */
final class Items {

  private Items() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue n(double value) {
    return AttributeValue.fromN(Double.toString(value));
  }

  static AttributeValue ss(Collection<String> values) {
    return AttributeValue.fromSs(List.copyOf(values));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(TableKeys.PK, s(pk));
    key.put(TableKeys.SK, s(sk));
    return key;
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }

  static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
  }

  static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }

  static double decimal(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0.0 : Double.parseDouble(value.n());
  }

  /** A string set, empty when the attribute is absent (DynamoDB keeps no empty sets). */
  static List<String> strings(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasSs() ? List.of() : value.ss();
  }
}
