package dev.fleetcheck.functions.api;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.aws.s3.S3ReportLinks;
import dev.fleetcheck.core.port.ReportLinks;
import dev.fleetcheck.functions.common.FunctionEnvironment;
import java.util.Map;

/** The API's own AWS adapters, from the variables template.yaml sets. */
final class AwsApiPorts {

  private AwsApiPorts() {}

  /** Presigned links into FLEETCHECK_BUCKET; without the variable, none. */
  static ReportLinks links(Map<String, String> environment) {
    return FunctionEnvironment.of(environment)
        .bucket()
        .<ReportLinks>map(
            bucket ->
                new S3ReportLinks(
                    new AwsClients(AwsSettings.fromEnvironment(environment)).s3Presigner(), bucket))
        .orElseGet(ApiRoutes::noReportLinks);
  }
}
