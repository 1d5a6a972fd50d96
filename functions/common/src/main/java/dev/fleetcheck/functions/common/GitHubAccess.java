package dev.fleetcheck.functions.common;

import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.github.GitHubCredentials;
import dev.fleetcheck.aws.github.SecretsManagerCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The GitHub token of the sweep and the worker, read from the secret FLEETCHECK_GITHUB_SECRET_ARN
 * names (a token, or a GitHub App whose installation token is minted and cached). Without the
 * variable there is no token: public repositories, or local file:// fleets.
 */
public final class GitHubAccess {

  private static final URI GITHUB_API = URI.create("https://api.github.com/");
  private static final Duration SECRET_TTL = Duration.ofMinutes(5);

  private GitHubAccess() {}

  /** The token's value for the current call; asked again each time so that it can be renewed. */
  public static Supplier<Optional<String>> tokens(FunctionEnvironment env) {
    Optional<GitHubCredentials> credentials =
        env.githubSecretArn()
            .map(
                arn ->
                    new SecretsManagerCredentials(
                        new AwsClients(env.aws()).secretsManager(),
                        arn,
                        GITHUB_API,
                        HttpClient.newHttpClient(),
                        Clock.systemUTC(),
                        SECRET_TTL));
    return () -> credentials.map(c -> c.token().reveal());
  }
}
