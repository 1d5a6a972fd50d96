package dev.fleetcheck.aws.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Exchanges an app's JWT for an installation token: {@code POST
 * /app/installations/{id}/access_tokens}. Failures carry GitHub's status as an error code, never
 * the JWT, the token or the response body.
 */
final class InstallationTokens {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI apiBase;

  InstallationTokens(HttpClient http, URI apiBase) {
    this.http = http;
    this.apiBase = apiBase;
  }

  GitHubToken exchange(String jwt, String installationId) {
    String base = apiBase.toString().replaceAll("/+$", "");
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "/app/installations/" + installationId + "/access_tokens"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + jwt)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.GITHUB_UNAVAILABLE, "GitHub could not be reached for an installation token", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetcheckException(
          ErrorCode.GITHUB_UNAVAILABLE,
          "interrupted while asking GitHub for an installation token");
    }
    if (response.statusCode() != 201) {
      throw refused(response.statusCode(), installationId);
    }
    return token(response.body());
  }

  private static GitHubToken token(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      String token = json.path("token").asText("");
      String expires = json.path("expires_at").asText("");
      return new GitHubToken(
          token, expires.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(expires)));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      throw new FleetcheckException(
          ErrorCode.GITHUB_UNAVAILABLE, "GitHub answered an installation token request oddly");
    }
  }

  private static FleetcheckException refused(int status, String installationId) {
    ErrorCode code =
        switch (status) {
          case 401 -> ErrorCode.GITHUB_AUTH_FAILED;
          case 403, 429 -> ErrorCode.GITHUB_RATE_LIMITED;
          case 404, 422 -> ErrorCode.GITHUB_NOT_FOUND;
          default -> ErrorCode.GITHUB_UNAVAILABLE;
        };
    return new FleetcheckException(
        code,
        "GitHub refused an installation token for installation "
            + installationId
            + " ("
            + status
            + ")");
  }
}
