package dev.fleetcheck.core.rules.qg;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.ci.CiStep;
import dev.fleetcheck.core.facts.ci.CiTool;
import dev.fleetcheck.core.facts.ci.CiToolRuns;
import dev.fleetcheck.core.facts.ci.ToolRun;
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
import java.util.regex.Pattern;

/**
 * PY-QG-003 (assisted): every CI run of the linter, or every CI run of the tests, as PY-QG-001/002
 * find them, cannot fail the build: its command ends in {@code || true}, {@code || exit 0}, {@code
 * ; true} or {@code || :}, runs after {@code set +e}, is {@code ruff check --exit-zero}, or its
 * step says {@code continue-on-error: true} / {@code allow_failure: true}.
 */
public final class NonBlockingGates implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-QG-003",
              Set.of(Profile.PYTHON),
              "Let the lint and test steps fail the build: drop || true, --exit-zero, set +e and"
                  + " continue-on-error/allow_failure from them.")
          .defined(
              "FAIL on an evident violation: every CI run of the linter, or every CI "
                  + "run of the tests (as PY-QG-001/002 find them), cannot fail the build: "
                  + "its command holds `|| true`, `|| exit 0`, `; true`, `|| :`, `set +e` "
                  + "or `--exit-zero`, or its GitHub step (the whole job in GitLab) says "
                  + "`continue-on-error: true` / `allow_failure: true`. An "
                  + "expression-valued `continue-on-error` does not count; one blocking run "
                  + "beside non-blocking ones clears the rule. Narrowed: job-level "
                  + "`continue-on-error` in GitHub and Travis `allow_failures` are not read",
              Effort.LOW);

  private static final Pattern SWALLOWED =
      Pattern.compile(
          "\\|\\|\\s*(true|:|exit\\s+0)\\b|;\\s*true\\s*$|set\\s+\\+e|--exit-zero",
          Pattern.MULTILINE);
  private static final Pattern STEP_FLAG =
      Pattern.compile("^\\s*-?\\s*(continue-on-error|allow_failure)\\s*:\\s*true\\s*$");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    CiToolRuns runs = context.fact(CiToolRuns.FACT);
    if (runs.configs().isEmpty()) {
      return Outcome.notApplicable("no CI configuration");
    }
    List<Evidence> findings = new ArrayList<>();
    for (CiTool tool : CiTool.values()) {
      List<ToolRun> toolRuns = runs.of(tool);
      List<Evidence> nonBlocking = new ArrayList<>();
      for (ToolRun run : toolRuns) {
        reason(context, runs, run)
            .ifPresent(
                r ->
                    nonBlocking.add(
                        Evidence.at(
                            run.evidence().path(),
                            run.evidence().line(),
                            "the CI run of "
                                + tool.displayName()
                                + " cannot fail the build: "
                                + r)));
      }
      if (!toolRuns.isEmpty() && nonBlocking.size() == toolRuns.size()) {
        findings.addAll(nonBlocking);
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<String> reason(RuleContext context, CiToolRuns runs, ToolRun run) {
    String path = run.evidence().path();
    int line = run.evidence().line();
    for (CiStep step : runs.configs().steps()) {
      if (step instanceof CiStep.Shell shell
          && shell.path().equals(path)
          && shell.line() == line
          && SWALLOWED.matcher(shell.script()).find()) {
        return Optional.of("its command swallows the exit status");
      }
    }
    Optional<String> text = context.snapshot().readText(path);
    if (text.isEmpty() || line <= 0) {
      return Optional.empty();
    }
    List<String> lines = TextLines.of(text.get());
    return stepLines(lines, line, path.endsWith(".gitlab-ci.yml")).stream()
            .anyMatch(l -> STEP_FLAG.matcher(l).matches())
        ? Optional.of("its step is allowed to fail")
        : Optional.empty();
  }

  /**
   * The lines of the list item (a GitHub step) holding {@code line}, or of the top-level job (a
   * GitLab job) when the line sits in no list item of its own.
   */
  private static List<String> stepLines(List<String> lines, int line, boolean wholeJob) {
    int at = Math.min(line, lines.size()) - 1;
    int start = at;
    int indent = indent(lines.get(at));
    while (start > 0) {
      String current = lines.get(start);
      boolean item = current.strip().startsWith("- ") && (start == at || indent(current) < indent);
      if ((item && !wholeJob) || (!current.isBlank() && indent(current) == 0)) {
        break;
      }
      start--;
    }
    int itemIndent = indent(lines.get(start));
    int end = at + 1;
    while (end < lines.size()
        && (lines.get(end).isBlank() || indent(lines.get(end)) > itemIndent)) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
