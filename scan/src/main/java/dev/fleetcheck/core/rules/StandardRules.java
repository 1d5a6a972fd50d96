package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.rules.assisted.AssistedRules;
import dev.fleetcheck.core.rules.cli.CliRules;
import dev.fleetcheck.core.rules.code.CodeRules;
import dev.fleetcheck.core.rules.emulators.EmulatorRules;
import dev.fleetcheck.core.rules.gates.GateRules;
import dev.fleetcheck.core.rules.lambda.LambdaRules;
import dev.fleetcheck.core.rules.observability.ObservabilityRules;
import dev.fleetcheck.core.rules.secrets.SecretRules;
import dev.fleetcheck.core.rules.style.StyleRules;
import dev.fleetcheck.core.rules.taskrunner.TaskRunnerRules;
import dev.fleetcheck.core.rules.tests.TestRules;
import dev.fleetcheck.core.rules.toolchain.ToolchainRules;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place a rule is registered: every check of the standard pack. Adding a rule means adding
 * its class here, nowhere else; the catalogue, reports, docs and the pack digest follow from it.
 */
public final class StandardRules {

  private StandardRules() {}

  public static List<Rule> all() {
    return Stream.of(
            TaskRunnerRules.all(),
            ToolchainRules.all(),
            GateRules.all(),
            ObservabilityRules.all(),
            TestRules.all(),
            CodeRules.all(),
            LambdaRules.all(),
            EmulatorRules.all(),
            CliRules.all(),
            StyleRules.all(),
            SecretRules.all(),
            AssistedRules.all(),
            registeredHere())
        .flatMap(List::stream)
        .toList();
  }

  /** Rules registered directly, one line each in ID order; the family lists above fold in here. */
  private static List<Rule> registeredHere() {
    return List.of(
        // errors, I/O, externals, code, tests, packaging, local dev (assisted)
        new dev.fleetcheck.core.rules.code.CliFrameworkInLogic(),
        new dev.fleetcheck.core.rules.code.CliWithDirectIo(),
        new dev.fleetcheck.core.rules.code.LongFunctions(),
        new dev.fleetcheck.core.rules.code.LargeModules(),
        new dev.fleetcheck.core.rules.code.FrameworkObjectsAtEdges(),
        new dev.fleetcheck.core.rules.code.ComplexFunctions(),
        new dev.fleetcheck.core.rules.err.ErrorsWithSuccessStatus(),
        new dev.fleetcheck.core.rules.err.UnconditionalTracebacks(),
        new dev.fleetcheck.core.rules.err.MissingErrorCodes(),
        new dev.fleetcheck.core.rules.err.DefaultFlaskErrors(),
        new dev.fleetcheck.core.rules.err.MissingCorrelationIds(),
        new dev.fleetcheck.core.rules.ext.BoundariesWithoutFakes(),
        new dev.fleetcheck.core.rules.ext.UnisolatedAwsTests(),
        new dev.fleetcheck.core.rules.ext.DatabaseWithoutContainer(),
        new dev.fleetcheck.core.rules.ext.UnmockedHttpDependencies(),
        new dev.fleetcheck.core.rules.io.NonAtomicWrites(),
        new dev.fleetcheck.core.rules.io.PartialOutput(),
        new dev.fleetcheck.core.rules.io.UnsortedListings(),
        new dev.fleetcheck.core.rules.io.ImplicitTransactions(),
        new dev.fleetcheck.core.rules.io.FrameworkObjectsInDomain(),
        new dev.fleetcheck.core.rules.lcl.NetworkInUnitTier(),
        new dev.fleetcheck.core.rules.perf.RetriesWithoutBackoff(),
        new dev.fleetcheck.core.rules.perf.HeavyColdStarts(),
        new dev.fleetcheck.core.rules.op.ImportTimeIo(),
        new dev.fleetcheck.core.rules.style.OversizedDefinitions(),
        new dev.fleetcheck.core.rules.tst.NondeterministicTests());
  }
}
