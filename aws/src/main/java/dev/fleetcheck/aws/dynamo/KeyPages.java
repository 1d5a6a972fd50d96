package dev.fleetcheck.aws.dynamo;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.port.Page;
import dev.fleetcheck.core.port.PageCursors;
import dev.fleetcheck.core.port.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of a query behind tamper-evident cursors: the cursor signs the query's scope and the {@code
 * LastEvaluatedKey} to resume from. Each round asks for no more items than the page still needs, so
 * items a filter drops never push a page past its limit and the cursor always sits on the last item
 * read.
 */
final class KeyPages {

  /** A query over the table or one index, and the direction to read it in. */
  record Query(
      Optional<String> index,
      String keyCondition,
      Map<String, AttributeValue> values,
      boolean forward) {

    /** The items of one partition whose sort key starts with {@code prefix}, in key order. */
    static Query prefix(String partition, String prefix) {
      return new Query(
          Optional.empty(),
          "#PK = :pk AND begins_with(#SK, :prefix)",
          Map.of(":pk", Items.s(partition), ":prefix", Items.s(prefix)),
          true);
    }
  }

  private final DynamoTable table;
  private final PageCursors cursors;

  KeyPages(DynamoTable table, PageCursors cursors) {
    this.table = table;
    this.cursors = cursors;
  }

  /**
   * Reads one page; {@code keep} turns each round's raw items into results, dropping those a filter
   * rejects.
   */
  <T> Page<T> read(
      String scope,
      Query query,
      PageRequest request,
      Function<List<Map<String, AttributeValue>>, List<T>> keep) {
    Optional<Map<String, AttributeValue>> start =
        request.cursor().map(cursor -> decode(scope, cursor));
    List<T> items = new ArrayList<>();
    while (true) {
      QueryResponse response =
          table.query(
              query.index(),
              query.keyCondition(),
              query.values(),
              query.forward(),
              request.limit() - items.size(),
              start);
      items.addAll(keep.apply(response.items()));
      start =
          response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
              ? Optional.of(response.lastEvaluatedKey())
              : Optional.empty();
      if (start.isEmpty()) {
        return Page.last(items);
      }
      if (items.size() >= request.limit()) {
        return new Page<>(items, Optional.of(encode(scope, start.get())));
      }
    }
  }

  private String encode(String scope, Map<String, AttributeValue> key) {
    List<String> position = new ArrayList<>();
    new TreeMap<>(key)
        .forEach(
            (name, value) -> {
              position.add(name);
              position.add(value.s());
            });
    return cursors.encode(scope, position);
  }

  private Map<String, AttributeValue> decode(String scope, String cursor) {
    List<String> position = cursors.decode(scope, cursor);
    if (position.isEmpty() || position.size() % 2 != 0) {
      throw new FleetcheckException(
          ErrorCode.CURSOR_INVALID, "the page cursor is not one this service issued");
    }
    Map<String, AttributeValue> key = new TreeMap<>();
    for (int i = 0; i < position.size(); i += 2) {
      key.put(position.get(i), Items.s(position.get(i + 1)));
    }
    return key;
  }
}
