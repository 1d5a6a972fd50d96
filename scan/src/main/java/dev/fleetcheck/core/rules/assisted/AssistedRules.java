package dev.fleetcheck.core.rules.assisted;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The assisted rules (RULES-NEXT.md class B): FAIL on an evident violation, else MANUAL. */
public final class AssistedRules {

  private AssistedRules() {}

  public static List<Rule> all() {
    return List.of(
        new InsecureTransport(),
        new UnsafeInputSinks(),
        new BroadIamPolicies(),
        new PlaintextSecretEnvironment(),
        new StaticAwsCredentials(),
        new SilentExceptions(),
        new UnreportedBatchFailures(),
        new UnpinnedBaseImages(),
        new ExceptionTextInResponses(),
        new UnpaginatedReads(),
        new IdentityFromHeaders(),
        new NonBlockingGates(),
        new CsrfProtectionOff(),
        new OpenByDefault(),
        new DefaultDenyShared(),
        new LoggedSecrets(),
        new MaskedLogPayloads());
  }
}
