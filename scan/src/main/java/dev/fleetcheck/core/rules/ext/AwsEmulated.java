package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.emulator.AwsUsage;
import dev.fleetcheck.core.facts.emulator.Emulator;
import dev.fleetcheck.core.facts.emulator.Emulators;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Optional;

/**
 * PY-EXT-008: product code that imports an AWS SDK has an AWS emulator configured anywhere:
 * LocalStack (image, testcontainers, a LocalStack package, a port-4566 endpoint, configuration), a
 * service emulator (DynamoDB Local, dynalite, ElasticMQ, MinIO, s3proxy, moto's server) or moto in
 * process (the "Emulators" decision counts moto's decorators).
 */
public final class AwsEmulated implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-EXT-008",
              Profile.PYTHON,
              "Emulate AWS in tests: LocalStack (compose or testcontainers), a service emulator"
                  + " (DynamoDB Local, ElasticMQ, MinIO) or moto's `mock_aws`.")
          .defined(
              "PASS when product code that imports boto3, botocore, aioboto3 or "
                  + "aiobotocore (not the repository's own package: the SDK's own repository "
                  + "does not use it) has an AWS emulator configured anywhere: LocalStack "
                  + "(image, testcontainers, "
                  + "`localstack`/`awscli-local`/`aws-sam-cli-local` package, a port-4566 "
                  + "`endpoint_url`, configuration), a service emulator image (DynamoDB "
                  + "Local, dynalite, ElasticMQ, MinIO, s3proxy, `motoserver/moto`), or "
                  + "moto (`mock_aws`, `mock_<service>`, `ThreadedMotoServer`)",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Evidence> sdk = context.fact(AwsUsage.FACT).sdk();
    if (sdk.isEmpty()) {
      return Outcome.notApplicable("product code imports no AWS SDK (boto3, botocore, aioboto3)");
    }
    List<Emulator> aws =
        context.fact(Emulators.FACT).emulators().stream()
            .filter(e -> !e.kind().awsServices().isEmpty())
            .toList();
    if (aws.isEmpty()) {
      Evidence where = sdk.get();
      return Outcome.fail(
          new Evidence(
              where.path(),
              where.line(),
              where.message()
                  + ", but no AWS emulator is configured (LocalStack, DynamoDB Local, ElasticMQ,"
                  + " MinIO, dynalite, moto)"));
    }
    Evidence first = aws.get(0).where();
    return Outcome.pass(
        new Evidence(
            first.path(), first.line(), aws.get(0).kind().name() + ": " + first.message()));
  }
}
