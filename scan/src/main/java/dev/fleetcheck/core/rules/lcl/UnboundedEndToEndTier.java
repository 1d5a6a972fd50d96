package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.ci.CiConfigs;
import dev.fleetcheck.core.facts.python.PytestConfig;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.ext.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-LCL-028 (assisted): an end-to-end tier that nothing time-boxes, or that outgrows the rest of
 * the suite. "Critical journeys only" needs a reviewer.
 */
public final class UnboundedEndToEndTier implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-LCL-028",
              Set.of(Profile.PYTHON),
              "Time-box the e2e tier (pytest-timeout `timeout`, --timeout in the e2e target, a CI"
                  + " timeout-minutes) and keep it to a few critical journeys.")
          .defined(
              "Applies when an e2e tier exists (an e2e/end_to_end folder in test code, or such a"
                  + " marker used or registered). FAIL when no pytest timeout ini key, --timeout in"
                  + " addopts or an e2e target, @pytest.mark.timeout or CI timeout-minutes/timeout"
                  + " bounds it, or when its test_* functions outnumber all others; else MANUAL.",
              Effort.LOW);

  private static final Set<String> E2E = Set.of("e2e", "end_to_end");
  private static final Pattern TIMEOUT_KEY = Pattern.compile("(?m)^\\s*timeout\\s*=");
  private static final Pattern CI_TIMEOUT =
      Pattern.compile("(?m)^\\s*(?:timeout-minutes|timeout)\\s*:");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TestSuite suite = context.fact(TestSuite.FACT);
    PytestConfig pytest = context.fact(PytestConfig.FACT);
    List<TestSuite.TestModule> e2e = suite.modules().stream().filter(this::endToEnd).toList();
    boolean registered = pytest.markers().stream().anyMatch(m -> E2E.contains(m.name()));
    if (e2e.isEmpty() && !registered) {
      return Outcome.notApplicable("no end-to-end tier");
    }
    List<Evidence> findings = new ArrayList<>();
    if (!timeBoxed(context, pytest, e2e)) {
      Evidence where =
          e2e.isEmpty()
              ? Evidence.repository(
                  "the e2e tier has no timeout: pytest-timeout, --timeout or CI timeout-minutes")
              : Evidence.file(
                  e2e.get(0).path(),
                  "the e2e tier has no timeout: pytest-timeout, --timeout or CI timeout-minutes");
      findings.add(where);
    }
    long e2eTests = e2e.stream().mapToLong(UnboundedEndToEndTier::tests).sum();
    long others =
        suite.modules().stream()
            .filter(m -> !endToEnd(m))
            .mapToLong(UnboundedEndToEndTier::tests)
            .sum();
    if (e2eTests > others) {
      findings.add(
          Evidence.repository(
              e2eTests + " e2e test functions outnumber the " + others + " other test functions"));
    }
    return Outcome.assisted(findings);
  }

  private boolean endToEnd(TestSuite.TestModule test) {
    String[] segments = test.path().split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (E2E.contains(segments[i])) {
        return true;
      }
    }
    return test.hints().contains("mark.e2e") || test.hints().contains("mark.end_to_end");
  }

  private static long tests(TestSuite.TestModule test) {
    return test.module().functions().stream()
        .map(FunctionDef::name)
        .filter(n -> n.startsWith("test"))
        .count();
  }

  private static boolean timeBoxed(
      RuleContext context, PytestConfig pytest, List<TestSuite.TestModule> e2e) {
    if (pytest.addopts().stream().anyMatch(a -> a.contains("--timeout"))
        || e2e.stream().anyMatch(m -> m.hints().contains("mark.timeout"))) {
      return true;
    }
    for (Evidence config : pytest.configuredAt()) {
      if (TIMEOUT_KEY.matcher(context.snapshot().readText(config.path()).orElse("")).find()) {
        return true;
      }
    }
    for (Target target : context.fact(TaskRunners.FACT).targets()) {
      if (target.name().contains("e2e")
          && target.commands().stream().anyMatch(c -> c.contains("--timeout"))) {
        return true;
      }
    }
    for (String path : context.fact(CiConfigs.FACT).paths()) {
      if (CI_TIMEOUT.matcher(context.snapshot().readText(path).orElse("")).find()) {
        return true;
      }
    }
    return false;
  }
}
