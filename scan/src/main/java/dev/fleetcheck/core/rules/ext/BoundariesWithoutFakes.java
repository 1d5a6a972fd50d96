package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.emulator.AwsUsage;
import dev.fleetcheck.core.facts.emulator.Emulator;
import dev.fleetcheck.core.facts.emulator.Emulators;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-EXT-002 (assisted): a boundary of product code (AWS SDK, Postgres/MySQL, outbound HTTP) that
 * the tests neither fake nor emulate. Fakes: moto, Stubber, an HTTP mock, SQLite or {@code
 * :memory:} in the tests, a test class named {@code Fake*}, {@code InMemory*} or {@code Stub*};
 * emulators: the emulator inventory of PY-EXT-008..010, a database compose service or
 * testcontainers.
 */
public final class BoundariesWithoutFakes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-EXT-002",
              Set.of(Profile.PYTHON),
              "Give each integration a fake for unit tests (moto, Stubber, an HTTP mock, an"
                  + " in-memory repository) and an emulator for integration tests before the real"
                  + " cloud.")
          .defined(
              "FAIL per boundary product code uses (AWS SDK, a Postgres/MySQL driver, outbound"
                  + " HTTP) with neither a fake in test code (moto, Stubber, an HTTP mock, SQLite or"
                  + " :memory:, a Fake*/InMemory*/Stub* class) nor an emulator (LocalStack-style"
                  + " emulators, a database container, testcontainers); else MANUAL."
                  + " NOT_APPLICABLE when product code uses none of them.",
              Effort.HIGH);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TestSuite suite = context.fact(TestSuite.FACT);
    List<Emulator> emulators = context.fact(Emulators.FACT).emulators();
    boolean fakeClass = suite.anyFakeClass();
    List<Evidence> findings = new ArrayList<>();
    boolean any = false;

    Optional<Evidence> aws = context.fact(AwsUsage.FACT).sdk();
    if (aws.isPresent()) {
      any = true;
      boolean faked = fakeClass || suite.anyImports("moto") || suite.anyImports("botocore.stub");
      boolean emulated = emulators.stream().anyMatch(e -> !e.kind().awsServices().isEmpty());
      if (!faked && !emulated) {
        findings.add(boundary(aws.get(), "AWS SDK"));
      }
    }
    Optional<Evidence> database = DatabaseWithoutContainer.database(context);
    if (database.isPresent()) {
      any = true;
      boolean faked = fakeClass || suite.anyHint("sqlite") || suite.anyHint(":memory:");
      if (!faked && !DatabaseWithoutContainer.containerised(context)) {
        findings.add(boundary(database.get(), "database"));
      }
    }
    Optional<Evidence> http =
        UnmockedHttpDependencies.firstCall(PythonCodebase.of(context.facts()));
    if (http.isPresent()) {
      any = true;
      if (!fakeClass && !suite.anyHttpMock()) {
        findings.add(boundary(http.get(), "outbound HTTP"));
      }
    }
    if (!any) {
      return Outcome.notApplicable("product code uses no AWS SDK, database driver or HTTP client");
    }
    return Outcome.assisted(findings);
  }

  private static Evidence boundary(Evidence where, String what) {
    return new Evidence(
        where.path(),
        where.line(),
        what + " boundary with neither a fake nor an emulator in tests");
  }
}
