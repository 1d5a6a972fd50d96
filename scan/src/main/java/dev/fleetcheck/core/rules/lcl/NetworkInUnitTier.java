package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.ext.OutboundHttp;
import dev.fleetcheck.core.rules.ext.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-LCL-026 (assisted): unit-tier test modules that need containers or the network. Left out: the
 * check that the default test command deselects registered integration/e2e markers.
 */
public final class NetworkInUnitTier implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-LCL-026",
              Set.of(Profile.PYTHON),
              "Keep container and network tests in an integration/e2e tier (folder or pytest"
                  + " marker deselected by default) and mock HTTP in unit tests (responses, respx,"
                  + " pytest-httpx ...).")
          .defined(
              "FAIL per test module outside the integration/e2e tier (folder integration, e2e,"
                  + " end_to_end, functional, system, acceptance or an integration/e2e/network"
                  + " marker) that imports testcontainers, docker or localstack, or sends HTTP to a"
                  + " literal public-host URL with no HTTP mock in the module or a conftest.py on"
                  + " its folder chain; else MANUAL. NOT_APPLICABLE without test code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TestSuite suite = context.fact(TestSuite.FACT);
    if (suite.modules().isEmpty()) {
      return Outcome.notApplicable("no Python test code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (TestSuite.TestModule test : suite.modules()) {
      if (test.outsideUnitTier()) {
        continue;
      }
      for (String container : List.of("testcontainers", "docker", "localstack")) {
        if (test.imports(container)) {
          findings.add(
              Evidence.file(
                  test.path(), "unit-tier test imports " + container + ": needs containers"));
        }
      }
      findings.addAll(unmockedPublicCalls(test));
    }
    return Outcome.assisted(findings);
  }

  /** HTTP calls to a literal public host in a test module with no HTTP mock active. */
  public static List<Evidence> unmockedPublicCalls(TestSuite.TestModule test) {
    List<Evidence> findings = new ArrayList<>();
    if (test.mocksHttp()) {
      return findings;
    }
    OutboundHttp.Senders http = OutboundHttp.senders(test.module());
    for (Call call : test.module().calls()) {
      Optional<String> host = TestSuite.publicHost(test.module(), call, http);
      host.ifPresent(
          h ->
              findings.add(
                  Evidence.at(
                      test.path(),
                      call.line(),
                      "unit-tier test calls " + h + " over the network without an HTTP mock")));
    }
    return findings;
  }
}
