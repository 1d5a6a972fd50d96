package dev.fleetcheck.core.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.model.ScanJob;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The queue message body of a {@link ScanJob}: a small versioned JSON object, the same on SQS. */
public final class ScanJobCodec {

  private static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScanJobCodec() {}

  public static String encode(ScanJob job) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("job_id", job.jobId());
    root.put("sweep_id", job.sweepId());
    ObjectNode repo = root.putObject("repository");
    repo.put("name", job.repository().name());
    repo.put("url", job.repository().url());
    repo.put("team", job.repository().team());
    repo.put("default_branch", job.repository().defaultBranch());
    root.put("enqueued_at", job.enqueuedAt().toString());
    return root.toString();
  }

  /**
   * The job a message body holds.
   *
   * @throws FleetcheckException EVENT_MALFORMED when the body is not a job message
   */
  public static ScanJob decode(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject() || root.path("version").asInt() != VERSION) {
        throw malformed("not a version " + VERSION + " scan job");
      }
      JsonNode repo = root.path("repository");
      return new ScanJob(
          text(root, "job_id"),
          text(root, "sweep_id"),
          new RepoRef(
              text(repo, "name"),
              text(repo, "url"),
              text(repo, "team"),
              text(repo, "default_branch")),
          Instant.parse(text(root, "enqueued_at")));
    } catch (JsonProcessingException e) {
      throw malformed("the body is not JSON");
    } catch (DateTimeParseException e) {
      throw malformed("enqueued_at is not an instant");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw malformed("missing text field " + field);
    }
    return value.asText();
  }

  private static FleetcheckException malformed(String why) {
    return new FleetcheckException(ErrorCode.EVENT_MALFORMED, "malformed scan job message: " + why);
  }
}
