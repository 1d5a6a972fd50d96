package dev.fleetcheck.core.rules.qg;

import dev.fleetcheck.core.facts.ci.CiConfig;
import dev.fleetcheck.core.facts.ci.CiTool;
import dev.fleetcheck.core.facts.ci.CiToolRuns;
import dev.fleetcheck.core.facts.ci.ToolRun;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.List;

/** The judgement PY-QG-001 and PY-QG-002 share: does some CI step run the tool. */
final class CiGate {

  static final String LOOKED_FOR =
      ".github/workflows/*.yml, .gitlab-ci.yml, Jenkinsfile, .circleci/config.yml,"
          + " azure-pipelines.yml, bitbucket-pipelines.yml, .travis.yml, pre-commit.ci";

  private CiGate() {}

  static Outcome judge(RuleContext context, CiTool tool) {
    CiToolRuns runs = context.fact(CiToolRuns.FACT);
    if (runs.configs().isEmpty()) {
      return Outcome.fail(
          Evidence.repository("no CI configuration found (looked for " + LOOKED_FOR + ")"));
    }
    List<ToolRun> found = runs.of(tool);
    if (!found.isEmpty()) {
      return Outcome.pass(found.stream().map(ToolRun::evidence).toList());
    }
    return Outcome.fail(
        runs.configs().configs().stream()
            .map(CiConfig::path)
            .distinct()
            .map(path -> Evidence.file(path, "no step runs " + tool.displayName()))
            .toList());
  }
}
