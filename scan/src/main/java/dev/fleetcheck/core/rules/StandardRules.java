package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.rules.assisted.AssistedRules;
import dev.fleetcheck.core.rules.cli.CliRules;
import dev.fleetcheck.core.rules.code.CodeRules;
import dev.fleetcheck.core.rules.emulators.EmulatorRules;
import dev.fleetcheck.core.rules.gates.GateRules;
import dev.fleetcheck.core.rules.lambda.LambdaRules;
import dev.fleetcheck.core.rules.obs.AuditEventFields;
import dev.fleetcheck.core.rules.obs.AuditLogSecrets;
import dev.fleetcheck.core.rules.obs.AuthenticationAudit;
import dev.fleetcheck.core.rules.obs.BaselineEventNames;
import dev.fleetcheck.core.rules.obs.BoundedMetricNames;
import dev.fleetcheck.core.rules.obs.ConfigurableLogLevel;
import dev.fleetcheck.core.rules.obs.CorrelationIdInLogs;
import dev.fleetcheck.core.rules.obs.DenialAudit;
import dev.fleetcheck.core.rules.obs.DependencyCallEvents;
import dev.fleetcheck.core.rules.obs.DependencyErrorEvents;
import dev.fleetcheck.core.rules.obs.DependencyLogPayloads;
import dev.fleetcheck.core.rules.obs.DependencyMetrics;
import dev.fleetcheck.core.rules.obs.ErrorCodeMetrics;
import dev.fleetcheck.core.rules.obs.ExceptionsLoggedBelowWarning;
import dev.fleetcheck.core.rules.obs.ExportAudit;
import dev.fleetcheck.core.rules.obs.LatencyMetrics;
import dev.fleetcheck.core.rules.obs.LoggedAndReraised;
import dev.fleetcheck.core.rules.obs.MarkedAuditEvents;
import dev.fleetcheck.core.rules.obs.MessageTraceContext;
import dev.fleetcheck.core.rules.obs.ObservabilityBaseline;
import dev.fleetcheck.core.rules.obs.OutboundCorrelation;
import dev.fleetcheck.core.rules.obs.PrivilegedOperationAudit;
import dev.fleetcheck.core.rules.obs.ProductionDebugLogging;
import dev.fleetcheck.core.rules.obs.QuietCliLogging;
import dev.fleetcheck.core.rules.obs.RequestEndLog;
import dev.fleetcheck.core.rules.obs.RequestMetrics;
import dev.fleetcheck.core.rules.obs.RunIdInOutput;
import dev.fleetcheck.core.rules.obs.RunbookReferences;
import dev.fleetcheck.core.rules.obs.SpanAttributes;
import dev.fleetcheck.core.rules.obs.SqlStatementLogging;
import dev.fleetcheck.core.rules.obs.StructuredRequestLogs;
import dev.fleetcheck.core.rules.obs.TracedSpans;
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
        // observability (assisted)
        new ObservabilityBaseline(),
        new RunIdInOutput(),
        new OutboundCorrelation(),
        new CorrelationIdInLogs(),
        new QuietCliLogging(),
        new StructuredRequestLogs(),
        new BaselineEventNames(),
        new ProductionDebugLogging(),
        new RequestEndLog(),
        new DependencyCallEvents(),
        new DependencyErrorEvents(),
        new DependencyLogPayloads(),
        new SqlStatementLogging(),
        new TracedSpans(),
        new SpanAttributes(),
        new MessageTraceContext(),
        new RequestMetrics(),
        new ErrorCodeMetrics(),
        new LatencyMetrics(),
        new DependencyMetrics(),
        new BoundedMetricNames(),
        new ExceptionsLoggedBelowWarning(),
        new LoggedAndReraised(),
        new ConfigurableLogLevel(),
        new RunbookReferences(),
        new AuthenticationAudit(),
        new DenialAudit(),
        new PrivilegedOperationAudit(),
        new ExportAudit(),
        new AuditLogSecrets(),
        new AuditEventFields(),
        new MarkedAuditEvents());
  }
}
