package dev.fleetcheck.aws.dynamo;

import static dev.fleetcheck.aws.dynamo.Items.s;

import dev.fleetcheck.core.model.FirstSeen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * First sightings of findings: one conditional update per fingerprint keeps the earliest time (a
 * failed condition just means an earlier sighting is stored), then one batch read answers.
 */
final class DynamoFindings {

  private static final String PREFIX = "FINDING#";

  private final DynamoTable table;

  DynamoFindings(DynamoTable table) {
    this.table = table;
  }

  Map<String, FirstSeen> recordFirstSeen(
      String repository, Set<String> fingerprints, FirstSeen seen) {
    Map<String, AttributeValue> values =
        Map.of(":t", s(TableKeys.time(seen.at())), ":s", s(seen.scanId()));
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String fingerprint : fingerprints) {
      Map<String, AttributeValue> key = Items.key(TableKeys.repo(repository), PREFIX + fingerprint);
      keys.add(key);
      table.updateIf(
          key,
          "SET #first_seen_at = :t, #first_scan_id = :s",
          "attribute_not_exists(#PK) OR #first_seen_at > :t",
          values);
    }
    Map<String, FirstSeen> firstSeen = new HashMap<>();
    for (Map<String, AttributeValue> item : table.batchGet(keys)) {
      firstSeen.put(
          Items.string(item, TableKeys.SK).substring(PREFIX.length()),
          new FirstSeen(
              TableKeys.parseTime(Items.string(item, "first_seen_at")),
              Items.string(item, "first_scan_id")));
    }
    return firstSeen;
  }
}
