package dev.fleetcheck.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A bounded HTTP client for a running {@link ServeApp}. */
final class ServeFixtureClient {

  private final ServeApp app;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(ServeFixture.TIMEOUT).build();

  ServeFixtureClient(ServeApp app) {
    this.app = app;
  }

  HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** A POST of a JSON body. */
  HttpResponse<String> post(String path, String json, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.baseUri().resolve(path.substring(1)))
            .timeout(ServeFixture.TIMEOUT);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
