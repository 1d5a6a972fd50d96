package dev.fleetcheck.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.fleet.ScanJobCodec;
import dev.fleetcheck.core.model.ScanJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample events under events/ are shaped as AWS sends them (EventBridge Scheduler input, an SQS
 * batch, API Gateway HTTP API payload 2.0) and carry what each handler reads; they match the
 * template: the schedule's input, the queue, and one event per route with its scope.
 */
class SampleEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Template TEMPLATE = Template.read(RepoRoot.resolve("template.yaml"));
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  @Test
  void theScheduleEventIsTheTemplatesInputWithSchedulerPlaceholdersFilled() throws Exception {
    JsonNode event = read("events/sweep/schedule.json");
    JsonNode input = scheduleInput();

    assertThat(fieldNames(event)).isEqualTo(fieldNames(input));
    input
        .properties()
        .forEach(
            field -> {
              String declared = field.getValue().asText();
              String sent = event.path(field.getKey()).asText();
              if (declared.startsWith("<aws.scheduler.")) {
                assertThat(sent).as(field.getKey()).isNotBlank().doesNotContain("<aws.scheduler");
              } else {
                assertThat(sent).as(field.getKey()).isEqualTo(declared);
              }
            });
    assertThat(Instant.parse(event.path("scheduled_time").asText())).isNotNull();
    assertThat(Integer.parseInt(event.path("attempt_number").asText())).isPositive();
    String scheduleName =
        TEMPLATE
            .properties("SweepFunction")
            .path("Events")
            .path("Weekly")
            .path("Properties")
            .path("Name")
            .path("Fn::Sub")
            .asText()
            .replace("${AWS::StackName}", "fleetcheck");
    assertThat(event.path("schedule_arn").asText())
        .isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule/default/" + scheduleName);
  }

  @Test
  void theSqsBatchCarriesScanJobsFromTheTemplatesQueue() throws Exception {
    JsonNode records = read("events/worker/sqs-batch.json").path("Records");
    assertThat(records.size()).isGreaterThanOrEqualTo(2);
    String queueName =
        TEMPLATE
            .properties("ScanQueue")
            .path("QueueName")
            .path("Fn::Sub")
            .asText()
            .replace("${AWS::StackName}", "fleetcheck");
    int maxReceives = TEMPLATE.parameter("MaxReceiveCount").path("Default").asInt();
    Set<String> ids = new HashSet<>();
    List<Integer> receives = new ArrayList<>();
    for (JsonNode record : records) {
      assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
      assertThat(record.path("eventSourceARN").asText())
          .isEqualTo("arn:aws:sqs:us-east-1:123456789012:" + queueName);
      assertThat(ids.add(record.path("messageId").asText())).isTrue();
      assertThat(record.path("receiptHandle").asText()).isNotBlank();
      String body = record.path("body").asText();
      assertThat(record.path("md5OfBody").asText()).isEqualTo(md5(body));
      ScanJob job = ScanJobCodec.decode(body);
      assertThat(job.repository().url()).startsWith("https://");
      assertThat(
              record.path("messageAttributes").path("correlation_id").path("stringValue").asText())
          .isNotBlank();
      receives.add(
          Integer.parseInt(record.path("attributes").path("ApproximateReceiveCount").asText()));
    }
    // One first delivery and one last receive before the dead-letter queue.
    assertThat(receives).contains(1, maxReceives);
  }

  @Test
  void thereIsOneHttpApiEventPerRouteOfTheTemplate() throws Exception {
    Map<String, Path> byRoute = new TreeMap<>();
    for (Path file : apiEvents()) {
      String route = read(file).path("routeKey").asText();
      assertThat(byRoute.put(route, file)).as(route + " has two sample events").isNull();
    }
    assertThat(byRoute.keySet()).isEqualTo(new TreeSet<>(TemplateChecks.ROUTE_SCOPES.keySet()));
  }

  @Test
  void everyHttpApiEventIsAPayload2EventConsistentWithItsRoute() throws Exception {
    for (Path file : apiEvents()) {
      JsonNode event = read(file);
      String name = file.getFileName().toString();
      JsonNode context = event.path("requestContext");
      String route = event.path("routeKey").asText();
      String method = route.substring(0, route.indexOf(' '));
      String pathTemplate = route.substring(route.indexOf(' ') + 1);

      assertThat(event.path("version").asText()).as(name).isEqualTo("2.0");
      assertThat(context.path("routeKey").asText()).as(name).isEqualTo(route);
      assertThat(context.path("stage").asText()).as(name).isEqualTo("$default");
      assertThat(context.path("http").path("method").asText()).as(name).isEqualTo(method);
      assertThat(context.path("http").path("path").asText())
          .as(name)
          .isEqualTo(event.path("rawPath").asText());
      assertThat(event.path("rawPath").asText())
          .as(name)
          .isEqualTo(expand(pathTemplate, event.path("pathParameters")));
      assertThat(fieldNames(event.path("pathParameters")))
          .as(name)
          .isEqualTo(parameterNames(pathTemplate));
      assertThat(event.path("rawQueryString").asText())
          .as(name)
          .isEqualTo(queryString(event.path("queryStringParameters")));
      event
          .path("headers")
          .fieldNames()
          .forEachRemaining(h -> assertThat(h).as(name).isEqualTo(h.toLowerCase(Locale.ROOT)));
      Instant time = ZonedDateTime.parse(context.path("time").asText(), REQUEST_TIME).toInstant();
      assertThat(time.toEpochMilli()).as(name).isEqualTo(context.path("timeEpoch").asLong());
      assertThat(event.path("isBase64Encoded").isBoolean()).as(name).isTrue();
      assertThat(event.path("headers").path("x-request-id").asText()).as(name).isNotBlank();
    }
  }

  @Test
  void everyProtectedRouteEventCarriesValidatedClaimsWithItsScope() throws Exception {
    for (Path file : apiEvents()) {
      JsonNode event = read(file);
      String name = file.getFileName().toString();
      String scope = TemplateChecks.ROUTE_SCOPES.get(event.path("routeKey").asText());
      JsonNode authorizer = event.path("requestContext").path("authorizer");
      if (scope == null) {
        assertThat(authorizer.isMissingNode()).as(name + " is public").isTrue();
        continue;
      }
      JsonNode claims = authorizer.path("jwt").path("claims");
      assertThat(List.of(claims.path("scope").asText().split(" "))).as(name).contains(scope);
      assertThat(claims.path("iss").asText())
          .as(name)
          .isEqualTo(TEMPLATE.parameter("JwtIssuer").path("Default").asText());
      assertThat(claims.path("aud").asText())
          .as(name)
          .isEqualTo(TEMPLATE.parameter("JwtAudience").path("Default").asText());
      assertThat(claims.path("sub").asText()).as(name).isNotBlank();
      assertThat(event.path("headers").path("authorization").asText())
          .as(name)
          .startsWith("Bearer ");
    }
  }

  @Test
  void postEventsCarryAnIdempotencyKeyAndTheJsonBodyTheirHandlerReads() throws Exception {
    Map<String, List<String>> requiredFields =
        Map.of(
            "POST /v1/scans", List.of("repository_url"),
            "POST /v1/exports", List.of("format"),
            "POST /v1/sweeps", List.of(),
            "POST /fleet/exports", List.of("format"));
    Set<String> seen = new TreeSet<>();
    for (Path file : apiEvents()) {
      JsonNode event = read(file);
      String route = event.path("routeKey").asText();
      if (!route.startsWith("POST ")) {
        assertThat(event.has("body")).as(file.toString()).isFalse();
        continue;
      }
      seen.add(route);
      if (route.equals("POST /fleet/exports")) {
        // A browser's form post: no Idempotency-Key, a URL-encoded body API Gateway base64-encodes.
        assertThat(event.path("headers").path("content-type").asText())
            .as(route)
            .isEqualTo("application/x-www-form-urlencoded");
        assertThat(event.path("isBase64Encoded").asBoolean()).as(route).isTrue();
        byte[] form = java.util.Base64.getDecoder().decode(event.path("body").asText());
        assertThat(event.path("headers").path("content-length").asText())
            .as(route)
            .isEqualTo(Integer.toString(form.length));
        assertThat(new String(form, StandardCharsets.UTF_8)).as(route).contains("format=");
        continue;
      }
      assertThat(event.path("headers").path("idempotency-key").asText()).as(route).isNotBlank();
      assertThat(event.path("headers").path("content-type").asText())
          .as(route)
          .isEqualTo("application/json");
      assertThat(event.path("isBase64Encoded").asBoolean()).as(route).isFalse();
      String body = event.path("body").asText();
      assertThat(event.path("headers").path("content-length").asText())
          .as(route)
          .isEqualTo(Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
      JsonNode parsed = JSON.readTree(body);
      assertThat(parsed.isObject()).as(route).isTrue();
      for (String field : requiredFields.get(route)) {
        assertThat(parsed.path(field).asText()).as(route + " " + field).isNotBlank();
      }
    }
    assertThat(seen)
        .isEqualTo(
            requiredFields.keySet().stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }

  private static JsonNode scheduleInput() throws IOException {
    String input =
        TEMPLATE
            .properties("SweepFunction")
            .path("Events")
            .path("Weekly")
            .path("Properties")
            .path("Input")
            .path("Fn::Sub")
            .asText();
    String organisation = TEMPLATE.parameter("Organisation").path("Default").asText();
    return JSON.readTree(input.replace("${Organisation}", organisation));
  }

  private static List<Path> apiEvents() throws IOException {
    try (Stream<Path> files = Files.list(RepoRoot.resolve("events/api"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static JsonNode read(String relative) throws IOException {
    return read(RepoRoot.resolve(relative));
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> parameterNames(String pathTemplate) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pathTemplate);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String expand(String pathTemplate, JsonNode parameters) {
    String path = pathTemplate;
    for (String name : parameterNames(pathTemplate)) {
      path = path.replace("{" + name + "}", parameters.path(name).asText());
    }
    return path;
  }

  private static String queryString(JsonNode parameters) {
    List<String> pairs = new ArrayList<>();
    parameters.properties().forEach(p -> pairs.add(p.getKey() + "=" + p.getValue().asText()));
    return String.join("&", pairs);
  }

  private static String md5(String body) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
  }
}
