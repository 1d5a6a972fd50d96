package dev.fleetcheck.core.rules.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaTemplatesTest {

  private static final List<String> LINES =
      List.of(
          "Transform: AWS::Serverless-2016-10-31",
          "Orders: not a resource",
          "Resources:",
          "  \"Orders\":",
          "    Type: AWS::Serverless::Function",
          "  Payments:",
          "    Properties:",
          "      Orders: again",
          "Outputs:");

  private static LambdaTemplates.Template template() {
    return new LambdaTemplates.Template(
        "template.yaml", ServerlessTemplate.Kind.SAM, JsonNodeFactory.instance.objectNode(), LINES);
  }

  @Test
  void aKeyIsFoundOnItsFirstLineAfterTheSectionQuotedOrNot() {
    LambdaTemplates.Template template = template();

    assertThat(template.lineOf("Resources", "Orders")).isEqualTo(4);
    assertThat(template.lineOf("Resources", "Payments")).isEqualTo(6);
    assertThat(template.lineOf("Resources", "Properties")).isEqualTo(7);
  }

  @Test
  void aMissingKeyPointsAtTheSectionAndAMissingSectionAtNothing() {
    LambdaTemplates.Template template = template();

    assertThat(template.lineOf("Resources", "Missing")).isEqualTo(3);
    assertThat(template.lineOf("functions", "Orders")).isZero();
    assertThat(template.lineOf("Transform", "Orders")).isEqualTo(2);
  }
}
