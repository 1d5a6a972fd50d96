package dev.fleetcheck.core.facts.emulator;

import dev.fleetcheck.core.model.Evidence;
import java.util.Set;

/**
 * An emulator the repository configures: which one, the AWS services it stands in for ({@link
 * #ALL_AWS} for LocalStack and moto), how it is set up, and where.
 */
public record Emulator(Kind kind, Setup setup, Evidence where) {

  /** The services LocalStack and moto cover: any AWS service. */
  public static final Set<String> ALL_AWS = Set.of("*");

  /** Which emulator, and the AWS services it covers (empty: not an AWS emulator). */
  public record Kind(String name, Set<String> awsServices) {
    public Kind {
      awsServices = Set.copyOf(awsServices);
    }

    public boolean covers(String awsService) {
      return awsServices.contains("*") || awsServices.contains(awsService);
    }
  }

  /** How the emulator comes up. */
  public enum Setup {
    /** Declared as a container (compose service, LocalStack config) that something must start. */
    DECLARED,
    /** Started by tooling (testcontainers, a target or CI step, a CI service, a fixture). */
    STARTED,
    /** Runs inside the test process (moto's decorators): nothing to start. */
    IN_PROCESS,
    /** A declared dependency (localstack, awscli-local) or a LocalStack endpoint in code. */
    REFERENCED
  }

  public boolean covers(String awsService) {
    return kind.covers(awsService);
  }

  /** "LocalStack (compose service `aws`, compose.yaml:3)" for evidence. */
  public String describe() {
    return kind.name() + ": " + where.describe();
  }
}
