package dev.fleetcheck.functions.api;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.lambda.LambdaSweepLauncher;
import dev.fleetcheck.aws.s3.S3ReportLinks;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.core.port.SweepLauncher;
import dev.fleetcheck.functions.common.FunctionEnvironment;
import dev.fleetcheck.functions.common.Lazily;
import java.util.Map;
import java.util.Optional;

/**
 * The API's own AWS adapters, from the variables template.yaml sets; each SDK client is built on
 * first use (ADR 0018), since most invocations export nothing and start no sweep.
 */
final class AwsApiPorts {

  /** The sweep function (its alias) that {@code POST /v1/sweeps} invokes. */
  static final String SWEEP_FUNCTION = "FLEETCHECK_SWEEP_FUNCTION";

  private AwsApiPorts() {}

  /** Presigned links into FLEETCHECK_BUCKET; without the variable, none. */
  static ReportLinks links(Map<String, String> environment) {
    return FunctionEnvironment.of(environment)
        .bucket()
        .map(
            bucket ->
                Lazily.port(
                    ReportLinks.class,
                    () -> new S3ReportLinks(clients(environment).s3Presigner(), bucket)))
        .orElseGet(ApiRoutes::noReportLinks);
  }

  /** An asynchronous invoke of FLEETCHECK_SWEEP_FUNCTION; without the variable, none. */
  static SweepLauncher sweeps(Map<String, String> environment) {
    return Optional.ofNullable(environment.get(SWEEP_FUNCTION))
        .map(String::strip)
        .filter(f -> !f.isEmpty())
        .map(
            f ->
                Lazily.port(
                    SweepLauncher.class,
                    () -> new LambdaSweepLauncher(clients(environment).lambda(), f)))
        .orElseGet(ApiRoutes::noSweepLauncher);
  }

  private static AwsClients clients(Map<String, String> environment) {
    return new AwsClients(AwsSettings.fromEnvironment(environment));
  }
}
