package dev.fleetcheck.core.facts.ci;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.precommit.Hook;
import dev.fleetcheck.core.facts.precommit.PreCommitConfig;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunnerSet;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CI steps run Ruff and which run the tests (RULES.md, "CI (PY-QG-001/002)"), each with the
 * route that gets there: the CI configurations, followed through the repository's task runner
 * targets, pre-commit hooks and scripts.
 */
public record CiToolRuns(CiConfigSet configs, Map<CiTool, List<ToolRun>> runs) {

  public static final Fact<CiToolRuns> FACT = Fact.of("ci.tool-runs", CiToolRuns::trace);

  public CiToolRuns {
    Map<CiTool, List<ToolRun>> copy = new EnumMap<>(CiTool.class);
    runs.forEach((tool, list) -> copy.put(tool, List.copyOf(list)));
    runs = Map.copyOf(copy);
  }

  /** The steps that run {@code tool}, in configuration order. */
  public List<ToolRun> of(CiTool tool) {
    return runs.getOrDefault(tool, List.of());
  }

  private static CiToolRuns trace(Facts facts) {
    CiConfigSet configs = facts.get(CiConfigs.FACT);
    CommandTracer tracer = new CommandTracer(new FactSources(facts));
    Map<CiTool, List<ToolRun>> runs = new EnumMap<>(CiTool.class);
    for (CiTool tool : CiTool.values()) {
      runs.put(tool, tracer.runs(tool, configs));
    }
    return new CiToolRuns(configs, runs);
  }

  /** The tracer's view of the shared facts. */
  private record FactSources(Facts facts) implements TraceSources {

    @Override
    public Optional<RunnerTarget> target(Runner runner, String name) {
      TaskRunnerSet set = facts.get(TaskRunners.FACT);
      return set.targets().stream()
          .filter(t -> t.runner().equals(runner.command()) && t.name().equals(name))
          .findFirst()
          .map(FactSources::view);
    }

    private static RunnerTarget view(Target target) {
      return new RunnerTarget(target.path(), target.line(), target.commands());
    }

    @Override
    public List<Hook> hooks() {
      return facts.get(PreCommitConfig.FACT).hooks();
    }

    @Override
    public String preCommitPath() {
      return facts.get(PreCommitConfig.FACT).path().orElse(".pre-commit-config.yaml");
    }

    @Override
    public Optional<String> readText(String path) {
      return facts.snapshot().readText(path);
    }
  }
}
