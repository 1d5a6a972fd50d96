package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.rules.ai.InvalidDeviationRecords;
import dev.fleetcheck.core.rules.beh.ApiHttpTimeouts;
import dev.fleetcheck.core.rules.beh.DiagnosticsOnStdout;
import dev.fleetcheck.core.rules.beh.FixedCliTimeouts;
import dev.fleetcheck.core.rules.beh.HttpTimeouts;
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
import dev.fleetcheck.core.rules.cfg.InconsistentEnvPrefix;
import dev.fleetcheck.core.rules.cfg.UndocumentedEnvVars;
import dev.fleetcheck.core.rules.cfg.UnsafeDefaults;
import dev.fleetcheck.core.rules.code.CliFrameworkInLogic;
import dev.fleetcheck.core.rules.code.CliWithDirectIo;
import dev.fleetcheck.core.rules.code.ComplexFunctions;
import dev.fleetcheck.core.rules.code.FrameworkObjectsAtEdges;
import dev.fleetcheck.core.rules.code.LargeModules;
import dev.fleetcheck.core.rules.code.LongFunctions;
import dev.fleetcheck.core.rules.code.TypeHintCoverage;
import dev.fleetcheck.core.rules.ctr.ApiChangeRecord;
import dev.fleetcheck.core.rules.ctr.CliChangeRecord;
import dev.fleetcheck.core.rules.ctr.CommandHelp;
import dev.fleetcheck.core.rules.ctr.MixedApiVersioning;
import dev.fleetcheck.core.rules.ctr.OpenApiSchema;
import dev.fleetcheck.core.rules.ctr.PersistenceModelsInApi;
import dev.fleetcheck.core.rules.ctr.ProgressInStructuredOutput;
import dev.fleetcheck.core.rules.ctr.StaleUsageExamples;
import dev.fleetcheck.core.rules.ctr.UsualOptionNames;
import dev.fleetcheck.core.rules.data.SilentBoolCoercion;
import dev.fleetcheck.core.rules.data.UntypedRouteContracts;
import dev.fleetcheck.core.rules.data.UnvalidatedRequestBodies;
import dev.fleetcheck.core.rules.doc.DocstringCoverage;
import dev.fleetcheck.core.rules.doc.InterfaceTypeHints;
import dev.fleetcheck.core.rules.err.DefaultFlaskErrors;
import dev.fleetcheck.core.rules.err.DiagnosticsOption;
import dev.fleetcheck.core.rules.err.ErrorsWithSuccessStatus;
import dev.fleetcheck.core.rules.err.ExceptionTextInResponses;
import dev.fleetcheck.core.rules.err.MissingCorrelationIds;
import dev.fleetcheck.core.rules.err.MissingErrorCodes;
import dev.fleetcheck.core.rules.err.SilentExceptions;
import dev.fleetcheck.core.rules.err.UnconditionalTracebacks;
import dev.fleetcheck.core.rules.ext.AwsEmulated;
import dev.fleetcheck.core.rules.ext.BoundariesWithoutFakes;
import dev.fleetcheck.core.rules.ext.DatabaseWithoutContainer;
import dev.fleetcheck.core.rules.ext.DynamoDbEmulated;
import dev.fleetcheck.core.rules.ext.EmulatorsStarted;
import dev.fleetcheck.core.rules.ext.MessagingEmulated;
import dev.fleetcheck.core.rules.ext.PinnedImages;
import dev.fleetcheck.core.rules.ext.UnisolatedAwsTests;
import dev.fleetcheck.core.rules.ext.UnmockedHttpDependencies;
import dev.fleetcheck.core.rules.io.FrameworkObjectsInDomain;
import dev.fleetcheck.core.rules.io.ImplicitTransactions;
import dev.fleetcheck.core.rules.io.NonAtomicWrites;
import dev.fleetcheck.core.rules.io.PartialOutput;
import dev.fleetcheck.core.rules.io.StdoutOutput;
import dev.fleetcheck.core.rules.io.UnsortedListings;
import dev.fleetcheck.core.rules.lcl.CloudChangingDefaults;
import dev.fleetcheck.core.rules.lcl.ContainerCommandTarget;
import dev.fleetcheck.core.rules.lcl.ContainerDefinition;
import dev.fleetcheck.core.rules.lcl.ContainerDrift;
import dev.fleetcheck.core.rules.lcl.ContainerSecrets;
import dev.fleetcheck.core.rules.lcl.DeterministicDependencies;
import dev.fleetcheck.core.rules.lcl.DevTarget;
import dev.fleetcheck.core.rules.lcl.DoctorTarget;
import dev.fleetcheck.core.rules.lcl.LintTarget;
import dev.fleetcheck.core.rules.lcl.LocalStackTargets;
import dev.fleetcheck.core.rules.lcl.NetworkInUnitTier;
import dev.fleetcheck.core.rules.lcl.ParallelTests;
import dev.fleetcheck.core.rules.lcl.PytestConfigured;
import dev.fleetcheck.core.rules.lcl.PythonVersionPinned;
import dev.fleetcheck.core.rules.lcl.RuffConfigured;
import dev.fleetcheck.core.rules.lcl.RuffFormatHook;
import dev.fleetcheck.core.rules.lcl.RuffLintHook;
import dev.fleetcheck.core.rules.lcl.RunTarget;
import dev.fleetcheck.core.rules.lcl.SecretScanHook;
import dev.fleetcheck.core.rules.lcl.TestAllTarget;
import dev.fleetcheck.core.rules.lcl.TestTarget;
import dev.fleetcheck.core.rules.lcl.TestTierMarkers;
import dev.fleetcheck.core.rules.lcl.TestTierTargets;
import dev.fleetcheck.core.rules.lcl.TestWatchTarget;
import dev.fleetcheck.core.rules.lcl.TypeCheckHook;
import dev.fleetcheck.core.rules.lcl.TypeCheckerConfigured;
import dev.fleetcheck.core.rules.lcl.UnboundedEndToEndTier;
import dev.fleetcheck.core.rules.lcl.UndocumentedSystemPackages;
import dev.fleetcheck.core.rules.lcl.UvLockFile;
import dev.fleetcheck.core.rules.obs.AuditEventFields;
import dev.fleetcheck.core.rules.obs.AuditLogSecrets;
import dev.fleetcheck.core.rules.obs.AuthenticationAudit;
import dev.fleetcheck.core.rules.obs.BaselineEventNames;
import dev.fleetcheck.core.rules.obs.BoundedMetricNames;
import dev.fleetcheck.core.rules.obs.ColdStartVisible;
import dev.fleetcheck.core.rules.obs.CommandEvents;
import dev.fleetcheck.core.rules.obs.ConfigurableLogLevel;
import dev.fleetcheck.core.rules.obs.CorrelationIdHeader;
import dev.fleetcheck.core.rules.obs.CorrelationIdInLogs;
import dev.fleetcheck.core.rules.obs.CorrelationIdInbound;
import dev.fleetcheck.core.rules.obs.DebugSwitches;
import dev.fleetcheck.core.rules.obs.DenialAudit;
import dev.fleetcheck.core.rules.obs.DependencyCallEvents;
import dev.fleetcheck.core.rules.obs.DependencyErrorEvents;
import dev.fleetcheck.core.rules.obs.DependencyLogPayloads;
import dev.fleetcheck.core.rules.obs.DependencyMetrics;
import dev.fleetcheck.core.rules.obs.ErrorCodeMetrics;
import dev.fleetcheck.core.rules.obs.ExceptionsLoggedBelowWarning;
import dev.fleetcheck.core.rules.obs.ExportAudit;
import dev.fleetcheck.core.rules.obs.InboundTraceContext;
import dev.fleetcheck.core.rules.obs.JsonLambdaLogs;
import dev.fleetcheck.core.rules.obs.LatencyMetrics;
import dev.fleetcheck.core.rules.obs.LoggedAndReraised;
import dev.fleetcheck.core.rules.obs.MarkedAuditEvents;
import dev.fleetcheck.core.rules.obs.MaskedLogPayloads;
import dev.fleetcheck.core.rules.obs.MessageTraceContext;
import dev.fleetcheck.core.rules.obs.MetricLabels;
import dev.fleetcheck.core.rules.obs.ObservabilityBaseline;
import dev.fleetcheck.core.rules.obs.OutboundCorrelation;
import dev.fleetcheck.core.rules.obs.OutboundTraceContext;
import dev.fleetcheck.core.rules.obs.PrivilegedOperationAudit;
import dev.fleetcheck.core.rules.obs.ProductionDebugLogging;
import dev.fleetcheck.core.rules.obs.QuietCliLogging;
import dev.fleetcheck.core.rules.obs.RequestEndLog;
import dev.fleetcheck.core.rules.obs.RequestMetrics;
import dev.fleetcheck.core.rules.obs.RequestStartLog;
import dev.fleetcheck.core.rules.obs.RunId;
import dev.fleetcheck.core.rules.obs.RunIdInOutput;
import dev.fleetcheck.core.rules.obs.RunbookReferences;
import dev.fleetcheck.core.rules.obs.SpanAttributes;
import dev.fleetcheck.core.rules.obs.SqlStatementLogging;
import dev.fleetcheck.core.rules.obs.StructuredLogging;
import dev.fleetcheck.core.rules.obs.StructuredRequestLogs;
import dev.fleetcheck.core.rules.obs.TracedSpans;
import dev.fleetcheck.core.rules.obs.Tracing;
import dev.fleetcheck.core.rules.op.ImportTimeIo;
import dev.fleetcheck.core.rules.perf.HeavyColdStarts;
import dev.fleetcheck.core.rules.perf.LambdaClientReuse;
import dev.fleetcheck.core.rules.perf.LambdaHandlerTests;
import dev.fleetcheck.core.rules.perf.LambdaLimits;
import dev.fleetcheck.core.rules.perf.UnpacedRetries;
import dev.fleetcheck.core.rules.perf.UnpaginatedReads;
import dev.fleetcheck.core.rules.perf.UnreportedBatchFailures;
import dev.fleetcheck.core.rules.pkg.ApiVersionScheme;
import dev.fleetcheck.core.rules.pkg.CanonicalEntrypoint;
import dev.fleetcheck.core.rules.pkg.UnpinnedBaseImages;
import dev.fleetcheck.core.rules.pkg.UnversionedCli;
import dev.fleetcheck.core.rules.pkg.VersionOption;
import dev.fleetcheck.core.rules.qg.CiRunsLinter;
import dev.fleetcheck.core.rules.qg.CiRunsTests;
import dev.fleetcheck.core.rules.qg.NonBlockingGates;
import dev.fleetcheck.core.rules.qg.WarningsAreErrors;
import dev.fleetcheck.core.rules.sec.ApiKeyOnly;
import dev.fleetcheck.core.rules.sec.ApiThrottling;
import dev.fleetcheck.core.rules.sec.AuditedPersonalData;
import dev.fleetcheck.core.rules.sec.AuthStatusMismatch;
import dev.fleetcheck.core.rules.sec.BearerChallenge;
import dev.fleetcheck.core.rules.sec.BroadIamPolicies;
import dev.fleetcheck.core.rules.sec.ClientSideSessions;
import dev.fleetcheck.core.rules.sec.CsrfProtectionOff;
import dev.fleetcheck.core.rules.sec.DefaultDenyShared;
import dev.fleetcheck.core.rules.sec.HardCodedSecrets;
import dev.fleetcheck.core.rules.sec.HardCodedSecurityConfig;
import dev.fleetcheck.core.rules.sec.IdentityFromHeaders;
import dev.fleetcheck.core.rules.sec.InsecureCookies;
import dev.fleetcheck.core.rules.sec.InsecureJwks;
import dev.fleetcheck.core.rules.sec.InsecureTransport;
import dev.fleetcheck.core.rules.sec.JwtVerification;
import dev.fleetcheck.core.rules.sec.LeakedRequestHeaders;
import dev.fleetcheck.core.rules.sec.LoggedSecrets;
import dev.fleetcheck.core.rules.sec.MissingNegativeTests;
import dev.fleetcheck.core.rules.sec.MixedCredentials;
import dev.fleetcheck.core.rules.sec.OpenByDefault;
import dev.fleetcheck.core.rules.sec.OpenCors;
import dev.fleetcheck.core.rules.sec.PlaintextSecretEnvironment;
import dev.fleetcheck.core.rules.sec.RetriesWithoutBackoff;
import dev.fleetcheck.core.rules.sec.ScatteredAuthorisation;
import dev.fleetcheck.core.rules.sec.SecretCliOptions;
import dev.fleetcheck.core.rules.sec.SecretsInCliOutput;
import dev.fleetcheck.core.rules.sec.SecretsLifecycle;
import dev.fleetcheck.core.rules.sec.SessionFixation;
import dev.fleetcheck.core.rules.sec.StaticAwsCredentials;
import dev.fleetcheck.core.rules.sec.TenantFromRequest;
import dev.fleetcheck.core.rules.sec.TokensInUrls;
import dev.fleetcheck.core.rules.sec.UnloggedAuthFailures;
import dev.fleetcheck.core.rules.sec.UnrotatedSecrets;
import dev.fleetcheck.core.rules.sec.UnsafeInputSinks;
import dev.fleetcheck.core.rules.sec.UntestedPolicies;
import dev.fleetcheck.core.rules.sec.UntestedTokenValidation;
import dev.fleetcheck.core.rules.sec.UnvalidatedClaimDecisions;
import dev.fleetcheck.core.rules.style.DocstringPlacement;
import dev.fleetcheck.core.rules.style.LineLength;
import dev.fleetcheck.core.rules.style.OversizedDefinitions;
import dev.fleetcheck.core.rules.style.TabIndentation;
import dev.fleetcheck.core.rules.style.TopLevelSpacing;
import dev.fleetcheck.core.rules.tst.ExplainedTests;
import dev.fleetcheck.core.rules.tst.NondeterministicTests;
import dev.fleetcheck.core.rules.tst.TestFilesExist;
import dev.fleetcheck.core.rules.tst.UnstableGoldenFiles;
import dev.fleetcheck.core.rules.tst.UnstructuredGoldenFiles;
import dev.fleetcheck.core.rules.tui.IgnoredDryRun;
import dev.fleetcheck.core.rules.tui.NarrowTerminalOutput;
import dev.fleetcheck.core.rules.tui.NoPlainOutputMode;
import dev.fleetcheck.core.rules.tui.PromptsWithoutBypass;
import dev.fleetcheck.core.rules.tui.PromptsWithoutTerminalCheck;
import dev.fleetcheck.core.rules.tui.UnconfirmedDestruction;
import java.util.List;

/**
 * The one place a rule is registered: every check of the standard pack, one line each, in ID order
 * within its family. Adding a rule means adding its line here, nowhere else; the catalogue entry,
 * reports, docs/rules.md's tables and the pack digest follow from it. A plain Java list rather than
 * a ServiceLoader or an annotation index: compile-checked, and no reflection on the cold path
 * (docs/adr/0023).
 */
public final class StandardRules {

  private StandardRules() {}

  public static List<Rule> all() {
    return registeredHere();
  }

  /** Every rule, one line each, grouped by ID family and in ID order inside a family. */
  private static List<Rule> registeredHere() {
    return List.of(
        // PY-BEH
        new HttpTimeouts(), // PY-BEH-012
        new ApiHttpTimeouts(), // PY-BEH-020
        // PY-CODE
        new TypeHintCoverage(), // PY-CODE-008
        // PY-CTR
        new CommandHelp(), // PY-CTR-003
        new UsualOptionNames(), // PY-CTR-004
        new OpenApiSchema(), // PY-CTR-014
        // PY-DOC
        new DocstringCoverage(), // PY-DOC-001
        new InterfaceTypeHints(), // PY-DOC-007
        // PY-ERR
        new SilentExceptions(), // PY-ERR-001
        new ExceptionTextInResponses(), // PY-ERR-012
        new DiagnosticsOption(), // PY-ERR-013
        // PY-EXT
        new EmulatorsStarted(), // PY-EXT-006
        new PinnedImages(), // PY-EXT-007
        new AwsEmulated(), // PY-EXT-008
        new DynamoDbEmulated(), // PY-EXT-009
        new MessagingEmulated(), // PY-EXT-010
        // PY-IO
        new StdoutOutput(), // PY-IO-003
        // PY-LCL
        new DevTarget(), // PY-LCL-001
        new LintTarget(), // PY-LCL-002
        new TestTarget(), // PY-LCL-003
        new TestAllTarget(), // PY-LCL-004
        new RunTarget(), // PY-LCL-005
        new LocalStackTargets(), // PY-LCL-006
        new PythonVersionPinned(), // PY-LCL-007
        new DeterministicDependencies(), // PY-LCL-008
        new UvLockFile(), // PY-LCL-009
        new RuffConfigured(), // PY-LCL-011
        new PytestConfigured(), // PY-LCL-012
        new TypeCheckerConfigured(), // PY-LCL-013
        new RuffFormatHook(), // PY-LCL-014
        new RuffLintHook(), // PY-LCL-015
        new TypeCheckHook(), // PY-LCL-016
        new SecretScanHook(), // PY-LCL-017
        new ContainerDefinition(), // PY-LCL-018
        new ContainerCommandTarget(), // PY-LCL-019
        new ContainerSecrets(), // PY-LCL-021
        new TestWatchTarget(), // PY-LCL-023
        new ParallelTests(), // PY-LCL-024
        new TestTierTargets(), // PY-LCL-025
        new TestTierMarkers(), // PY-LCL-027
        new DoctorTarget(), // PY-LCL-032
        // PY-OBS
        new ObservabilityBaseline(), // PY-OBS-001
        new RunId(), // PY-OBS-002
        new RunIdInOutput(), // PY-OBS-003
        new CorrelationIdInbound(), // PY-OBS-004
        new InboundTraceContext(), // PY-OBS-005
        new CorrelationIdHeader(), // PY-OBS-006
        new OutboundCorrelation(), // PY-OBS-007
        new CorrelationIdInLogs(), // PY-OBS-010
        new QuietCliLogging(), // PY-OBS-011
        new StructuredLogging(), // PY-OBS-012
        new CommandEvents(), // PY-OBS-014
        new StructuredRequestLogs(), // PY-OBS-015
        new MaskedLogPayloads(), // PY-OBS-017
        new BaselineEventNames(), // PY-OBS-018
        new ProductionDebugLogging(), // PY-OBS-020
        new RequestStartLog(), // PY-OBS-025
        new RequestEndLog(), // PY-OBS-026
        new DependencyCallEvents(), // PY-OBS-027
        new DependencyErrorEvents(), // PY-OBS-028
        new DependencyLogPayloads(), // PY-OBS-029
        new SqlStatementLogging(), // PY-OBS-030
        new Tracing(), // PY-OBS-031
        new TracedSpans(), // PY-OBS-032
        new SpanAttributes(), // PY-OBS-033
        new OutboundTraceContext(), // PY-OBS-034
        new MessageTraceContext(), // PY-OBS-035
        new RequestMetrics(), // PY-OBS-038
        new ErrorCodeMetrics(), // PY-OBS-039
        new LatencyMetrics(), // PY-OBS-040
        new DependencyMetrics(), // PY-OBS-042
        new MetricLabels(), // PY-OBS-043
        new BoundedMetricNames(), // PY-OBS-044
        new ExceptionsLoggedBelowWarning(), // PY-OBS-046
        new LoggedAndReraised(), // PY-OBS-047
        new DebugSwitches(), // PY-OBS-048
        new ConfigurableLogLevel(), // PY-OBS-049
        new RunbookReferences(), // PY-OBS-050
        new AuthenticationAudit(), // PY-OBS-052
        new DenialAudit(), // PY-OBS-053
        new PrivilegedOperationAudit(), // PY-OBS-054
        new ExportAudit(), // PY-OBS-056
        new AuditLogSecrets(), // PY-OBS-057
        new AuditEventFields(), // PY-OBS-058
        new MarkedAuditEvents(), // PY-OBS-059
        new ColdStartVisible(), // PY-OBS-061
        new JsonLambdaLogs(), // PY-OBS-062
        // PY-PERF
        new UnpaginatedReads(), // PY-PERF-004
        new LambdaClientReuse(), // PY-PERF-006
        new LambdaLimits(), // PY-PERF-007
        new UnreportedBatchFailures(), // PY-PERF-008
        new LambdaHandlerTests(), // PY-PERF-009
        // PY-PKG
        new CanonicalEntrypoint(), // PY-PKG-001
        new VersionOption(), // PY-PKG-002
        new UnpinnedBaseImages(), // PY-PKG-004
        // PY-QG
        new CiRunsLinter(), // PY-QG-001
        new CiRunsTests(), // PY-QG-002
        new NonBlockingGates(), // PY-QG-003
        new WarningsAreErrors(), // PY-QG-004
        // PY-SEC
        new SecretCliOptions(), // PY-SEC-001
        new UnsafeInputSinks(), // PY-SEC-003
        new OpenByDefault(), // PY-SEC-005
        new IdentityFromHeaders(), // PY-SEC-007
        new BroadIamPolicies(), // PY-SEC-008
        new JwtVerification(), // PY-SEC-012
        new BearerChallenge(), // PY-SEC-015
        new InsecureCookies(), // PY-SEC-016
        new CsrfProtectionOff(), // PY-SEC-017
        new MixedCredentials(), // PY-SEC-019
        new DefaultDenyShared(), // PY-SEC-025
        new TenantFromRequest(), // PY-SEC-036
        new StaticAwsCredentials(), // PY-SEC-037
        new HardCodedSecrets(), // PY-SEC-041
        new PlaintextSecretEnvironment(), // PY-SEC-042
        new InsecureTransport(), // PY-SEC-045
        new OpenCors(), // PY-SEC-046
        new ApiThrottling(), // PY-SEC-048
        new LoggedSecrets(), // PY-SEC-051
        // security, data, configuration (assisted)
        new SecretsInCliOutput(), // PY-SEC-002
        new RetriesWithoutBackoff(), // PY-SEC-004
        new ClientSideSessions(), // PY-SEC-011
        new InsecureJwks(), // PY-SEC-013
        new TokensInUrls(), // PY-SEC-014
        new SessionFixation(), // PY-SEC-018
        new ApiKeyOnly(), // PY-SEC-020
        new ScatteredAuthorisation(), // PY-SEC-024
        new AuditedPersonalData(), // PY-SEC-026
        new AuthStatusMismatch(), // PY-SEC-027
        new UnvalidatedClaimDecisions(), // PY-SEC-031
        new UnrotatedSecrets(), // PY-SEC-040
        new SecretsLifecycle(), // PY-SEC-043
        new HardCodedSecurityConfig(), // PY-SEC-044
        new LeakedRequestHeaders(), // PY-SEC-047
        new UnloggedAuthFailures(), // PY-SEC-049
        new UntestedPolicies(), // PY-SEC-053
        new UntestedTokenValidation(), // PY-SEC-054
        new MissingNegativeTests(), // PY-SEC-055
        new UnvalidatedRequestBodies(), // PY-DATA-001
        new SilentBoolCoercion(), // PY-DATA-003
        new UntypedRouteContracts(), // PY-DATA-007
        new InconsistentEnvPrefix(), // PY-CFG-003
        new UndocumentedEnvVars(), // PY-CFG-004
        new UnsafeDefaults(), // PY-CFG-005
        // PY-STYLE
        new TabIndentation(), // PY-STYLE-001
        new LineLength(), // PY-STYLE-002
        new DocstringPlacement(), // PY-STYLE-003
        new TopLevelSpacing(), // PY-STYLE-004
        // PY-TST
        new TestFilesExist(), // PY-TST-001
        new ExplainedTests(), // PY-TST-005
        // errors, I/O, externals, code, tests, packaging, local dev (assisted)
        new InvalidDeviationRecords(), // PY-AI-006
        new CliFrameworkInLogic(), // PY-CODE-001
        new CliWithDirectIo(), // PY-CODE-002
        new LongFunctions(), // PY-CODE-004
        new LargeModules(), // PY-CODE-006
        new FrameworkObjectsAtEdges(), // PY-CODE-009
        new ComplexFunctions(), // PY-CODE-010
        new ErrorsWithSuccessStatus(), // PY-ERR-003
        new UnconditionalTracebacks(), // PY-ERR-005
        new MissingErrorCodes(), // PY-ERR-007
        new DefaultFlaskErrors(), // PY-ERR-008
        new MissingCorrelationIds(), // PY-ERR-010
        new BoundariesWithoutFakes(), // PY-EXT-002
        new UnisolatedAwsTests(), // PY-EXT-005
        new DatabaseWithoutContainer(), // PY-EXT-011
        new UnmockedHttpDependencies(), // PY-EXT-012
        new NonAtomicWrites(), // PY-IO-001
        new PartialOutput(), // PY-IO-002
        new UnsortedListings(), // PY-IO-004
        new ImplicitTransactions(), // PY-IO-007
        new FrameworkObjectsInDomain(), // PY-IO-008
        new ContainerDrift(), // PY-LCL-020
        new NetworkInUnitTier(), // PY-LCL-026
        new UnboundedEndToEndTier(), // PY-LCL-028
        new UndocumentedSystemPackages(), // PY-LCL-029
        new CloudChangingDefaults(), // PY-LCL-030
        new ImportTimeIo(), // PY-OP-007
        new UnpacedRetries(), // PY-PERF-003
        new HeavyColdStarts(), // PY-PERF-005
        new UnversionedCli(), // PY-PKG-003
        new ApiVersionScheme(), // PY-PKG-006
        new OversizedDefinitions(), // PY-STYLE-005
        new NondeterministicTests(), // PY-TST-002
        new UnstableGoldenFiles(), // PY-TST-007
        new UnstructuredGoldenFiles(), // PY-TST-008
        // behaviour, contracts, TUI (assisted)
        new PositionalDispatch(), // PY-BEH-002
        new UncontractedExitCodes(), // PY-BEH-004
        new ZeroExitOnFailure(), // PY-BEH-005
        new UndocumentedExitCodes(), // PY-BEH-006
        new UntestedExitCodes(), // PY-BEH-007
        new StdoutLogSinks(), // PY-BEH-008
        new DiagnosticsOnStdout(), // PY-BEH-009
        new TerminalOnlyOutput(), // PY-BEH-010
        new SwallowedInterrupts(), // PY-BEH-011
        new FixedCliTimeouts(), // PY-BEH-013
        new WritingReadRoutes(), // PY-BEH-014
        new MisleadingStatusCodes(), // PY-BEH-015
        new UnpagedCollections(), // PY-BEH-018
        new UnorderedPages(), // PY-BEH-019
        new UnboundedWaits(), // PY-BEH-021
        new CliChangeRecord(), // PY-CTR-002
        new StaleUsageExamples(), // PY-CTR-005
        new ProgressInStructuredOutput(), // PY-CTR-008
        new ApiChangeRecord(), // PY-CTR-010
        new MixedApiVersioning(), // PY-CTR-013
        new PersistenceModelsInApi(), // PY-CTR-015
        new PromptsWithoutBypass(), // PY-TUI-001
        new PromptsWithoutTerminalCheck(), // PY-TUI-002
        new NarrowTerminalOutput(), // PY-TUI-004
        new NoPlainOutputMode(), // PY-TUI-005
        new UnconfirmedDestruction(), // PY-TUI-006
        new IgnoredDryRun() // PY-TUI-007
        );
  }
}
