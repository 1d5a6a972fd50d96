package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunnerSet;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-LCL-030 (assisted): local defaults that change a real cloud or use real credentials: a {@code
 * dev}, {@code run}, {@code test}, {@code test-all} or {@code up} target, or a dev container's
 * {@code postCreateCommand}/{@code postStartCommand}, that deploys or mutates cloud resources or
 * selects a named AWS profile. Compose service commands and code defaults are left to a reviewer.
 */
public final class CloudChangingDefaults implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-LCL-030",
              Set.of(Profile.PYTHON),
              "Keep deploys and real-cloud commands out of dev/run/test/up targets and dev"
                  + " container hooks; point local defaults at emulators with dummy credentials.")
          .defined(
              "FAIL per dev, run, test, test-all or up target command, or dev container"
                  + " postCreateCommand/postStartCommand, that runs sam deploy|sync, cdk deploy,"
                  + " serverless/sls deploy, terraform apply|destroy, pulumi up, aws cloudformation"
                  + " deploy|create-stack|update-stack, aws s3 cp|mv|rm|sync to s3://, aws lambda"
                  + " update-*, or sets AWS_PROFILE/--profile to a named profile other than a local"
                  + " one; else MANUAL (code defaults need a reviewer). NOT_APPLICABLE without"
                  + " such targets or hooks.",
              Effort.MEDIUM);

  private static final List<String> TARGETS = List.of("dev", "run", "test", "test-all", "up");
  private static final Pattern MUTATING =
      Pattern.compile(
          "\\b(?:sam\\s+(?:deploy|sync)|cdk\\s+deploy|(?:serverless|sls)\\s+deploy"
              + "|terraform\\s+(?:apply|destroy)|pulumi\\s+up"
              + "|aws\\s+cloudformation\\s+(?:deploy|create-stack|update-stack)"
              + "|aws\\s+s3\\s+(?:cp|mv|rm|sync)\\b[^;&|]*s3://"
              + "|aws\\s+lambda\\s+update-[a-z-]+)");
  private static final Pattern PROFILE =
      Pattern.compile("(?:AWS_PROFILE=|--profile[=\\s]+)[\"']?([A-Za-z0-9_.-]+)");
  private static final Pattern LOCAL_PROFILE =
      Pattern.compile("(?i)local|localstack|test|dummy|fake|mock|moto");
  private static final Pattern HOOK =
      Pattern.compile("\"(postCreateCommand|postStartCommand)\"\\s*:\\s*\"([^\"]*)\"");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TaskRunnerSet runners = context.fact(TaskRunners.FACT);
    List<Evidence> findings = new ArrayList<>();
    boolean any = false;
    for (String name : TARGETS) {
      Optional<Target> target = runners.target(name);
      if (target.isEmpty()) {
        continue;
      }
      any = true;
      for (String command : target.get().commands()) {
        problem(command)
            .ifPresent(
                p ->
                    findings.add(
                        Evidence.at(
                            target.get().path(),
                            Math.max(target.get().line(), 1),
                            "target " + target.get().name() + " " + p)));
      }
    }
    for (String path : context.fact(ContainerFiles.FACT).devcontainer()) {
      if (!path.endsWith(".json")) {
        continue;
      }
      String text = context.snapshot().readText(path).orElse("");
      Matcher hook = HOOK.matcher(text);
      while (hook.find()) {
        any = true;
        String where = hook.group(1);
        int line = TextLines.lineAt(text, hook.start());
        problem(hook.group(2))
            .ifPresent(p -> findings.add(Evidence.at(path, line, where + " " + p)));
      }
    }
    if (!any) {
      return Outcome.notApplicable(
          "no dev, run, test, test-all or up target nor dev container hook");
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> problem(String command) {
    Matcher mutating = MUTATING.matcher(command);
    if (mutating.find()) {
      return Optional.of(
          "changes real cloud resources: " + mutating.group().replaceAll("\\s+", " "));
    }
    Matcher profile = PROFILE.matcher(command);
    while (profile.find()) {
      if (!LOCAL_PROFILE.matcher(profile.group(1)).find()) {
        return Optional.of("uses the real AWS profile " + profile.group(1));
      }
    }
    return Optional.empty();
  }
}
