package dev.fleetcheck.aws;

import dev.fleetcheck.core.concurrent.Futures;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client whose construction starts on a thread of its own and is waited for on the first
 * request. The url-connection client builds its TLS context when it is created (the JDK's trust
 * store read and parsed, the TLS provider initialised): in a fresh JVM that is a large part of the
 * SDK's set-up, and nothing else needs it until the first request, so the service clients are built
 * meanwhile (ADR 0032). The SDK asks for the client's name while it builds a service client; that
 * is answered without waiting.
 */
final class StartedHttpClient implements SdkHttpClient {

  private final String name;
  private final FutureTask<SdkHttpClient> client;

  StartedHttpClient(String name, Supplier<SdkHttpClient> build) {
    this.name = name;
    this.client = new FutureTask<>(build::get);
    Thread thread = new Thread(client, "fleetcheck-http-client");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return built().prepareRequest(request);
  }

  @Override
  public String clientName() {
    return name;
  }

  @Override
  public void close() {
    built().close();
  }

  private SdkHttpClient built() {
    // A request needs the client: an interrupt does not stop the wait (its flag is restored).
    return Futures.awaitUninterruptibly(client);
  }
}
