package dev.fleetcheck.core.rules.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation resources of a template: {@code Resources} of a SAM template, {@code
 * resources.Resources} of a Serverless Framework file, each with the line it starts on.
 */
public final class TemplateResources {

  /** One resource: logical ID, type, properties and the line of its ID. */
  public record Resource(String id, String type, JsonNode properties, int line) {}

  private TemplateResources() {}

  public static List<Resource> of(LambdaTemplates.Template template) {
    JsonNode resources =
        template.kind() == ServerlessTemplate.Kind.SERVERLESS
            ? template.root().path("resources").path("Resources")
            : template.root().path("Resources");
    List<Resource> list = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      list.add(
          new Resource(
              entry.getKey(),
              entry.getValue().path("Type").asText(""),
              entry.getValue().path("Properties"),
              template.lineOf("Resources", entry.getKey())));
    }
    return list;
  }

  /** A scalar or a list of scalars as texts; objects (intrinsic functions) are left out. */
  public static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isValueNode()) {
      texts.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(
          item -> {
            if (item.isValueNode()) {
              texts.add(item.asText());
            }
          });
    }
    return texts;
  }
}
