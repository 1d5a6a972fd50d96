package dev.fleetcheck.aws.github;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * GitHub credentials from one Secrets Manager secret (see {@link CredentialSecret}), read at most
 * once per {@code secretTtl} so a rotated secret is picked up without a cold start. For an app, the
 * installation token is kept until {@link #RENEW_BEFORE} before it expires. Nothing here logs or
 * prints a secret.
 */
public final class SecretsManagerCredentials implements GitHubCredentials {

  /** An installation token is renewed this long before it expires (clones can take minutes). */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final SecretsManagerClient secrets;
  private final String secretId;
  private final InstallationTokens installations;
  private final Clock clock;
  private final Duration secretTtl;

  private CredentialSecret secret;
  private Instant secretReadAt = Instant.MIN;
  private GitHubToken installationToken;

  public SecretsManagerCredentials(
      SecretsManagerClient secrets,
      String secretId,
      URI gitHubApi,
      HttpClient http,
      Clock clock,
      Duration secretTtl) {
    this.secrets = secrets;
    this.secretId = secretId;
    this.installations = new InstallationTokens(http, gitHubApi);
    this.clock = clock;
    this.secretTtl = secretTtl;
  }

  @Override
  public synchronized GitHubToken token() {
    Instant now = clock.instant();
    CredentialSecret current = secret(now);
    if (current instanceof CredentialSecret.Token fixed) {
      return fixed.token();
    }
    CredentialSecret.App app = (CredentialSecret.App) current;
    if (installationToken == null || expiresSoon(installationToken, now)) {
      String jwt = AppJwt.sign(app.appId(), PemPrivateKeys.read(app.privateKeyPem()), now);
      installationToken = installations.exchange(jwt, app.installationId());
    }
    return installationToken;
  }

  private static boolean expiresSoon(GitHubToken token, Instant now) {
    return token.expiresAt().map(at -> !now.plus(RENEW_BEFORE).isBefore(at)).orElse(true);
  }

  private CredentialSecret secret(Instant now) {
    if (secret == null || !now.isBefore(secretReadAt.plus(secretTtl))) {
      CredentialSecret read = CredentialSecret.parse(readSecret());
      if (!read.equals(secret)) {
        installationToken = null;
      }
      secret = read;
      secretReadAt = now;
    }
    return secret;
  }

  private String readSecret() {
    try {
      return Optional.ofNullable(secrets.getSecretValue(b -> b.secretId(secretId)).secretString())
          .orElse("");
    } catch (ResourceNotFoundException e) {
      throw new FleetcheckException(
          ErrorCode.TOKEN_MISSING, "the GitHub secret '" + secretId + "' does not exist");
    } catch (SdkException e) {
      throw new FleetcheckException(
          ErrorCode.STORE_FAILED,
          "Secrets Manager could not read the GitHub secret '" + secretId + "': " + e.getMessage(),
          e);
    }
  }
}
