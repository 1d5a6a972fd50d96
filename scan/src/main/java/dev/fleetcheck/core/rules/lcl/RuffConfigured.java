package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.precommit.Hook;
import dev.fleetcheck.core.facts.precommit.PreCommitConfig;
import dev.fleetcheck.core.facts.python.ConfigRoots;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.facts.taskrunner.Target;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-LCL-011: Ruff is configured ({@code [tool.ruff]} or any of its subtables, ruff.toml,
 * .ruff.toml), and a {@code lint} target, if there is one, runs both {@code ruff check} and {@code
 * ruff format} (directly, through {@code hatch fmt}, or through {@code pre-commit run} with the
 * matching hooks).
 */
public final class RuffConfigured implements Rule {

  private static final Pattern RUFF_CHECK =
      Pattern.compile("\\bruff\\b(?:\\s+-{1,2}\\S+)*\\s+check\\b");
  private static final Pattern RUFF_FORMAT =
      Pattern.compile("\\bruff\\b(?:\\s+-{1,2}\\S+)*\\s+format\\b");
  private static final Pattern HATCH_FMT = Pattern.compile("\\bhatch\\s+fmt\\b(.*)");
  private static final Pattern PRE_COMMIT_RUN =
      Pattern.compile("\\b(?:pre-commit|prek)\\s+run\\b((?:\\s+[^\\s;&|]+)*)");

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-011",
              Profile.PYTHON,
              "Configure Ruff in pyproject.toml (`[tool.ruff]` with `[tool.ruff.lint]` rules) and make"
                  + " the `lint` target run both `uv run ruff check .` and `uv run ruff format --check .`.")
          .defined(
              "PASS when Ruff is configured (`[tool.ruff]`, `ruff.toml`, "
                  + "`.ruff.toml`) and a `lint` target, if any, calls both `ruff check` and "
                  + "`ruff format`; else FAIL saying what is missing.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> configured = new ArrayList<>();
    for (Pyproject.RootPyproject py : context.fact(Pyproject.AT_ROOTS)) {
      if (py.has("tool", "ruff")) {
        configured.add(Evidence.file(py.path(), "Ruff configured in [tool.ruff]"));
      }
    }
    for (String name : List.of("ruff.toml", ".ruff.toml")) {
      for (String path : ConfigRoots.existing(context.facts(), name)) {
        configured.add(Evidence.file(path, "Ruff configuration file"));
      }
    }
    if (configured.isEmpty()) {
      return Outcome.fail(
          Evidence.repository(
              "Ruff is not configured: no [tool.ruff] in pyproject.toml and no ruff.toml or"
                  + " .ruff.toml at the root or workspace members"));
    }
    Optional<Target> lint = context.fact(TaskRunners.FACT).target("lint");
    if (lint.isEmpty()) {
      return Outcome.pass(configured);
    }
    PreCommitConfig preCommit = context.fact(PreCommitConfig.FACT);
    List<String> commands = lint.get().commands();
    boolean check =
        runs(commands, RUFF_CHECK, "--formatter", preCommit, RuffConfigured::isRuffCheckHook);
    boolean format =
        runs(commands, RUFF_FORMAT, "--linter", preCommit, h -> h.isFor("ruff-format"));
    Target target = lint.get();
    String where = "`lint` target (" + target.runner() + ")";
    if (check && format) {
      configured.add(
          Evidence.at(target.path(), target.line(), where + " runs ruff check and ruff format"));
      return Outcome.pass(configured);
    }
    String missing =
        !check && !format
            ? "`ruff check` nor `ruff format`"
            : !check ? "`ruff check`" : "`ruff format`";
    String verb = !check && !format ? "runs neither " : "does not run ";
    return Outcome.fail(Evidence.at(target.path(), target.line(), where + " " + verb + missing));
  }

  private static boolean runs(
      List<String> commands,
      Pattern direct,
      String hatchExclusion,
      PreCommitConfig preCommit,
      Predicate<Hook> hook) {
    for (String command : commands) {
      if (direct.matcher(command).find()) {
        return true;
      }
      Matcher hatch = HATCH_FMT.matcher(command);
      if (hatch.find() && !hatch.group(1).contains(hatchExclusion)) {
        return true;
      }
      Matcher preCommitRun = PRE_COMMIT_RUN.matcher(command);
      if (preCommitRun.find()) {
        List<String> hookIds = new ArrayList<>();
        for (String word : preCommitRun.group(1).strip().split("\\s+")) {
          if (!word.isEmpty() && !word.startsWith("-")) {
            hookIds.add(word);
          }
        }
        boolean matched =
            preCommit.hooks().stream()
                .filter(h -> hookIds.isEmpty() || hookIds.contains(h.id()))
                .anyMatch(hook);
        if (matched) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isRuffCheckHook(Hook hook) {
    String id = hook.id().toLowerCase(java.util.Locale.ROOT);
    if (id.contains("ruff")) {
      return !id.contains("format");
    }
    return hook.entryRuns("ruff") && !hook.entryRuns("ruff-format");
  }
}
