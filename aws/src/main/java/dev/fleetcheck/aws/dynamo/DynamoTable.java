package dev.fleetcheck.aws.dynamo;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The single table as the store's classes use it: key lookups, queries, conditional writes, and SDK
 * failures turned into STORE_FAILED. Expressions name attributes as {@code #name}; the placeholders
 * are filled in here, so reserved words (state, value, ttl, level) never matter.
 */
final class DynamoTable {

  private static final Pattern NAME = Pattern.compile("#([A-Za-z0-9_]+)");
  private static final int BATCH_GET_LIMIT = 100;

  private final DynamoDbClient client;
  private final String tableName;

  DynamoTable(DynamoDbClient client, String tableName) {
    this.client = client;
    this.tableName = tableName;
  }

  Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        call(
            "GetItem",
            () ->
                client
                    .getItem(
                        b -> b.tableName(tableName).key(Items.key(pk, sk)).consistentRead(true))
                    .item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  void put(Map<String, AttributeValue> item) {
    call("PutItem", () -> client.putItem(b -> b.tableName(tableName).item(item)));
  }

  /** Puts the item when {@code condition} holds; false when it does not. */
  boolean putIf(
      Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
    PutItemRequest.Builder request =
        PutItemRequest.builder()
            .tableName(tableName)
            .item(item)
            .conditionExpression(condition)
            .expressionAttributeNames(names(condition));
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    return conditional("PutItem", () -> client.putItem(request.build()));
  }

  /** Applies {@code update} to the item when {@code condition} holds; false when it does not. */
  boolean updateIf(
      Map<String, AttributeValue> key,
      String update,
      String condition,
      Map<String, AttributeValue> values) {
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key)
            .updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(names(update + " " + condition))
            .expressionAttributeValues(values)
            .build();
    return conditional("UpdateItem", () -> client.updateItem(request));
  }

  void delete(String pk, String sk) {
    call("DeleteItem", () -> client.deleteItem(b -> b.tableName(tableName).key(Items.key(pk, sk))));
  }

  /** Deletes the item when {@code condition} holds; false when it does not. */
  boolean deleteIf(String pk, String sk, String condition, Map<String, AttributeValue> values) {
    DeleteItemRequest request =
        DeleteItemRequest.builder()
            .tableName(tableName)
            .key(Items.key(pk, sk))
            .conditionExpression(condition)
            .expressionAttributeNames(names(condition))
            .expressionAttributeValues(values)
            .build();
    return conditional("DeleteItem", () -> client.deleteItem(request));
  }

  /** One page of a query; {@code keyCondition} uses #names and the given values. */
  QueryResponse query(
      Optional<String> index,
      String keyCondition,
      Map<String, AttributeValue> values,
      boolean forward,
      int limit,
      Optional<Map<String, AttributeValue>> startKey) {
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(tableName)
            .keyConditionExpression(keyCondition)
            .expressionAttributeNames(names(keyCondition))
            .expressionAttributeValues(values)
            .scanIndexForward(forward)
            .limit(limit);
    index.ifPresentOrElse(request::indexName, () -> request.consistentRead(true));
    startKey.ifPresent(request::exclusiveStartKey);
    return call("Query", () -> client.query(request.build()));
  }

  /** Every item of a small, bounded query (the shards of a sweep, the rules of a scan). */
  List<Map<String, AttributeValue>> queryAll(
      String keyCondition, Map<String, AttributeValue> values) {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    Optional<Map<String, AttributeValue>> start = Optional.empty();
    do {
      QueryResponse page = query(Optional.empty(), keyCondition, values, true, 1000, start);
      all.addAll(page.items());
      start = page.hasLastEvaluatedKey() ? Optional.of(page.lastEvaluatedKey()) : Optional.empty();
    } while (start.isPresent());
    return all;
  }

  /** The items of {@code keys} that exist, read consistently, in no particular order. */
  List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> chunk =
          keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
      Map<String, KeysAndAttributes> pending =
          Map.of(tableName, KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response =
            call("BatchGetItem", () -> client.batchGetItem(b -> b.requestItems(request)));
        found.addAll(response.responses().getOrDefault(tableName, List.of()));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }

  private boolean conditional(String operation, Runnable write) {
    try {
      call(
          operation,
          () -> {
            write.run();
            return null;
          });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED, "DynamoDB " + operation + " failed: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> names(String expression) {
    Map<String, String> names = new HashMap<>();
    Matcher matcher = NAME.matcher(expression);
    while (matcher.find()) {
      names.put(matcher.group(), matcher.group(1));
    }
    return names;
  }
}
