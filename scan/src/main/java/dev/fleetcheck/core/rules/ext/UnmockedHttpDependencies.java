package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.Optional;
import java.util.Set;

/**
 * PY-EXT-012 (assisted): product code calls HTTP services but the tests never stub HTTP. Whether
 * the stubs match the dependency's schema is left to a reviewer; WireMock/Prism/MockServer images
 * are not looked for (a repository using only them stays FAIL-free only if another stub exists).
 */
public final class UnmockedHttpDependencies implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-EXT-012",
              Set.of(Profile.CLI, Profile.API, Profile.LAMBDA),
              "Test HTTP dependencies against mocked HTTP (responses, respx, pytest-httpx,"
                  + " requests-mock, vcrpy) or a local stub server.")
          .defined(
              "FAIL when product code sends outbound HTTP and no test module activates an HTTP"
                  + " mock (responses, respx, requests-mock, pytest-httpx, httpretty, aioresponses,"
                  + " vcrpy/pytest-recording, betamax, pytest-httpserver, http.server, or a"
                  + " mock.patch/monkeypatch target naming requests, httpx, urllib, aiohttp or"
                  + " urlopen); else MANUAL. NOT_APPLICABLE without outbound HTTP in product code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Evidence> first = firstCall(PythonCodebase.of(context.facts()));
    if (first.isEmpty()) {
      return Outcome.notApplicable("no outbound HTTP call in product code");
    }
    if (context.fact(TestSuite.FACT).anyHttpMock()) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(first.get());
  }

  static Optional<Evidence> firstCall(PythonCodebase codebase) {
    for (PythonModule module : codebase.productModules()) {
      OutboundHttp.Senders http = OutboundHttp.senders(module);
      for (Call call : module.calls()) {
        if (http.sends(call)) {
          return Optional.of(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written() + "(...) calls HTTP but no test mocks HTTP"));
        }
      }
    }
    return Optional.empty();
  }
}
