package dev.fleetcheck.core.rules.perf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import dev.fleetcheck.core.rules.detect.TemplateResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * PY-PERF-008 (assisted), part (a): an SQS, Kinesis or DynamoDB-stream event source that hands a
 * function batches of more than one record without {@code ReportBatchItemFailures}, so one failed
 * record makes the whole batch be delivered again. A batch size that is not a number is not judged.
 */
public final class UnreportedBatchFailures implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PERF-008",
              Set.of(Profile.LAMBDA),
              "Add FunctionResponseTypes: [ReportBatchItemFailures] to the event source and return"
                  + " batchItemFailures (powertools BatchProcessor), or set BatchSize: 1.")
          .defined(
              "FAIL on an evident violation: part (a) only: an SQS, Kinesis or "
                  + "DynamoDB-stream source (SAM `SQS`/`Kinesis`/`DynamoDB` events, an "
                  + "`AWS::Lambda::EventSourceMapping` whose source the template or ARN "
                  + "names, Serverless `sqs`/`stream` events) with a batch size above 1 "
                  + "(SQS default 10, streams 100) and no `FunctionResponseTypes: "
                  + "[ReportBatchItemFailures]` (`functionResponseType` in Serverless). A "
                  + "batch size given as a parameter is not judged. Narrowed: part (b), "
                  + "writes without idempotency, is not checked yet",
              Effort.LOW);

  private static final String REPORT = "ReportBatchItemFailures";
  private static final Map<String, Integer> DEFAULT_BATCH =
      Map.of("SQS", 10, "Kinesis", 100, "DynamoDB", 100);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(context.facts());
    if (templates.isEmpty()) {
      return Outcome.notApplicable("no SAM or Serverless template");
    }
    List<Evidence> findings = new ArrayList<>();
    for (LambdaTemplates.Template template : templates) {
      if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
        serverless(template, findings);
      }
      List<TemplateResources.Resource> resources = TemplateResources.of(template);
      Map<String, String> types = new HashMap<>();
      resources.forEach(r -> types.put(r.id(), r.type()));
      for (TemplateResources.Resource resource : resources) {
        if (resource.type().equals("AWS::Serverless::Function")) {
          for (Map.Entry<String, JsonNode> event :
              resource.properties().path("Events").properties()) {
            String type = event.getValue().path("Type").asText("");
            if (DEFAULT_BATCH.containsKey(type)) {
              judge(
                  template,
                  template.lineAfter(resource.line(), event.getKey() + ":"),
                  "function " + resource.id() + " event " + event.getKey() + " (" + type + ")",
                  type,
                  event.getValue().path("Properties").path("BatchSize"),
                  event.getValue().path("Properties").path("FunctionResponseTypes"),
                  findings);
            }
          }
        } else if (resource.type().equals("AWS::Lambda::EventSourceMapping")) {
          String source = sourceType(resource.properties().path("EventSourceArn"), types);
          if (source != null) {
            judge(
                template,
                resource.line(),
                "event source mapping " + resource.id() + " (" + source + ")",
                source,
                resource.properties().path("BatchSize"),
                resource.properties().path("FunctionResponseTypes"),
                findings);
          }
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static void serverless(LambdaTemplates.Template template, List<Evidence> findings) {
    for (Map.Entry<String, JsonNode> function : template.root().path("functions").properties()) {
      int line = template.lineOf("functions", function.getKey());
      for (JsonNode event : function.getValue().path("events")) {
        JsonNode sqs = event.path("sqs");
        JsonNode stream = event.path("stream");
        if (!sqs.isMissingNode()) {
          judge(
              template,
              template.lineAfter(line, "sqs"),
              "function " + function.getKey() + " sqs event",
              "SQS",
              sqs.path("batchSize"),
              sqs.path("functionResponseType"),
              findings);
        } else if (!stream.isMissingNode()) {
          String kind =
              stream.path("type").asText("").equalsIgnoreCase("kinesis") ? "Kinesis" : "DynamoDB";
          judge(
              template,
              template.lineAfter(line, "stream"),
              "function " + function.getKey() + " stream event",
              kind,
              stream.path("batchSize"),
              stream.path("functionResponseType"),
              findings);
        }
      }
    }
  }

  private static void judge(
      LambdaTemplates.Template template,
      int line,
      String what,
      String type,
      JsonNode batchSize,
      JsonNode responseTypes,
      List<Evidence> findings) {
    OptionalInt size = batchSize(batchSize, DEFAULT_BATCH.get(type));
    if (size.isEmpty() || size.getAsInt() <= 1) {
      return;
    }
    if (TemplateResources.texts(responseTypes).contains(REPORT)) {
      return;
    }
    findings.add(
        Evidence.at(
            template.path(),
            line,
            what
                + " delivers batches of "
                + size.getAsInt()
                + " without ReportBatchItemFailures: one failure redelivers the whole batch"));
  }

  private static OptionalInt batchSize(JsonNode node, int fallback) {
    if (node.isMissingNode()) {
      return OptionalInt.of(fallback);
    }
    if (node.isInt() || (node.isTextual() && node.asText().matches("\\d{1,6}"))) {
      return OptionalInt.of(Integer.parseInt(node.asText()));
    }
    return OptionalInt.empty();
  }

  /** SQS, Kinesis or DynamoDB for an event source ARN, when the template tells; else null. */
  private static String sourceType(JsonNode arn, Map<String, String> types) {
    String text = arn.isTextual() ? arn.asText() : arn.path("Fn::GetAtt").toString();
    if (text.contains(":sqs:")) {
      return "SQS";
    }
    if (text.contains(":kinesis:")) {
      return "Kinesis";
    }
    if (text.contains(":dynamodb:")) {
      return "DynamoDB";
    }
    String id = text.replaceAll("[\\[\\]\"]", "").split("[.,]", 2)[0];
    return switch (types.getOrDefault(id, "")) {
      case "AWS::SQS::Queue" -> "SQS";
      case "AWS::Kinesis::Stream" -> "Kinesis";
      case "AWS::DynamoDB::Table" -> "DynamoDB";
      default -> null;
    };
  }
}
