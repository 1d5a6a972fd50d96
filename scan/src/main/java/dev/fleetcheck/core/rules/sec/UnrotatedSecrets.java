package dev.fleetcheck.core.rules.sec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-040 (assisted): long-lived shared secrets a template creates without rotation: an {@code
 * AWS::IAM::AccessKey} (a static key for a user), and an {@code AWS::SecretsManager::Secret} that
 * no {@code AWS::SecretsManager::RotationSchedule} of the same template targets. A schedule whose
 * {@code SecretId} is neither a name nor a {@code Ref} (a {@code Fn::Sub}, an ARN from elsewhere)
 * is taken to rotate every secret of its template.
 */
public final class UnrotatedSecrets implements Rule {

  static final String ID = "PY-SEC-040";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.PYTHON),
              "Replace IAM access keys with roles, and give every Secrets Manager secret a"
                  + " RotationSchedule (managed or Lambda rotation).")
          .defined(
              "FAIL per template `AWS::IAM::AccessKey` and per `AWS::SecretsManager::Secret` that"
                  + " no `AWS::SecretsManager::RotationSchedule` in the same template targets (by"
                  + " logical ID or `Ref`; a schedule with any other `SecretId` counts for every"
                  + " secret). NOT_APPLICABLE without a SAM or Serverless template.",
              Effort.MEDIUM);

  private static final String SECRET = "AWS::SecretsManager::Secret";
  private static final String ROTATION = "AWS::SecretsManager::RotationSchedule";

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return outcome(context);
  }

  /** The outcome for the repository, once per scan (PY-SEC-043 derives its own from it). */
  static Outcome outcome(RuleContext context) {
    return context.fact(OUTCOME);
  }

  private static final Fact<Outcome> OUTCOME =
      Fact.of("unrotated-secrets", UnrotatedSecrets::judge);

  private static Outcome judge(Facts facts) {
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(facts);
    if (templates.isEmpty()) {
      return Outcome.notApplicable("no SAM or Serverless template");
    }
    List<Evidence> findings = new ArrayList<>();
    for (LambdaTemplates.Template template : templates) {
      List<TemplateResources.Resource> resources = TemplateResources.of(template);
      Set<String> rotated = new HashSet<>();
      boolean rotatesAll = false;
      for (TemplateResources.Resource resource : resources) {
        if (resource.type().equals(ROTATION)) {
          JsonNode id = resource.properties().path("SecretId");
          String target = id.isTextual() ? id.asText() : id.path("Ref").asText("");
          if (target.isEmpty()) {
            rotatesAll = true;
          }
          rotated.add(target);
        }
      }
      for (TemplateResources.Resource resource : resources) {
        if (resource.type().equals("AWS::IAM::AccessKey")) {
          findings.add(
              Evidence.at(
                  template.path(),
                  resource.line(),
                  resource.id() + " creates a long-lived IAM access key"));
        } else if (resource.type().equals(SECRET)
            && !rotatesAll
            && !rotated.contains(resource.id())) {
          findings.add(
              Evidence.at(
                  template.path(),
                  resource.line(),
                  "secret " + resource.id() + " has no RotationSchedule"));
        }
      }
    }
    return Outcome.assisted(findings);
  }
}
