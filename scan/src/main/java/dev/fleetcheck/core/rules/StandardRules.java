package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.rules.assisted.AssistedRules;
import dev.fleetcheck.core.rules.beh.DiagnosticsOnStdout;
import dev.fleetcheck.core.rules.beh.FixedCliTimeouts;
import dev.fleetcheck.core.rules.beh.MisleadingStatusCodes;
import dev.fleetcheck.core.rules.beh.PositionalDispatch;
import dev.fleetcheck.core.rules.beh.StdoutLogSinks;
import dev.fleetcheck.core.rules.beh.SwallowedInterrupts;
import dev.fleetcheck.core.rules.beh.TerminalOnlyOutput;
import dev.fleetcheck.core.rules.beh.UnboundedWaits;
import dev.fleetcheck.core.rules.beh.UncontractedExitCodes;
import dev.fleetcheck.core.rules.beh.UndocumentedExitCodes;
import dev.fleetcheck.core.rules.beh.UnorderedPages;
import dev.fleetcheck.core.rules.beh.UnpagedCollections;
import dev.fleetcheck.core.rules.beh.UntestedExitCodes;
import dev.fleetcheck.core.rules.beh.WritingReadRoutes;
import dev.fleetcheck.core.rules.beh.ZeroExitOnFailure;
import dev.fleetcheck.core.rules.cli.CliRules;
import dev.fleetcheck.core.rules.code.CodeRules;
import dev.fleetcheck.core.rules.ctr.ApiChangeRecord;
import dev.fleetcheck.core.rules.ctr.CliChangeRecord;
import dev.fleetcheck.core.rules.ctr.PersistenceModelsInApi;
import dev.fleetcheck.core.rules.ctr.ProgressInStructuredOutput;
import dev.fleetcheck.core.rules.emulators.EmulatorRules;
import dev.fleetcheck.core.rules.gates.GateRules;
import dev.fleetcheck.core.rules.lambda.LambdaRules;
import dev.fleetcheck.core.rules.observability.ObservabilityRules;
import dev.fleetcheck.core.rules.secrets.SecretRules;
import dev.fleetcheck.core.rules.style.StyleRules;
import dev.fleetcheck.core.rules.taskrunner.TaskRunnerRules;
import dev.fleetcheck.core.rules.tests.TestRules;
import dev.fleetcheck.core.rules.toolchain.ToolchainRules;
import dev.fleetcheck.core.rules.tui.IgnoredDryRun;
import dev.fleetcheck.core.rules.tui.NarrowTerminalOutput;
import dev.fleetcheck.core.rules.tui.NoPlainOutputMode;
import dev.fleetcheck.core.rules.tui.PromptsWithoutBypass;
import dev.fleetcheck.core.rules.tui.PromptsWithoutTerminalCheck;
import dev.fleetcheck.core.rules.tui.UnconfirmedDestruction;
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
        // behaviour, contracts, TUI (assisted)
        new PositionalDispatch(),
        new UncontractedExitCodes(),
        new ZeroExitOnFailure(),
        new UndocumentedExitCodes(),
        new UntestedExitCodes(),
        new StdoutLogSinks(),
        new DiagnosticsOnStdout(),
        new TerminalOnlyOutput(),
        new SwallowedInterrupts(),
        new FixedCliTimeouts(),
        new WritingReadRoutes(),
        new MisleadingStatusCodes(),
        new UnpagedCollections(),
        new UnorderedPages(),
        new UnboundedWaits(),
        new CliChangeRecord(),
        new ProgressInStructuredOutput(),
        new ApiChangeRecord(),
        new PersistenceModelsInApi(),
        new PromptsWithoutBypass(),
        new PromptsWithoutTerminalCheck(),
        new NarrowTerminalOutput(),
        new NoPlainOutputMode(),
        new UnconfirmedDestruction(),
        new IgnoredDryRun());
  }
}
