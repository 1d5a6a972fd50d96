package dev.fleetcheck.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class StartedHttpClientTest {

  private static final HttpExecuteRequest REQUEST =
      HttpExecuteRequest.builder()
          .request(
              SdkHttpFullRequest.builder()
                  .method(SdkHttpMethod.GET)
                  .protocol("http")
                  .host("localhost")
                  .encodedPath("/")
                  .build())
          .build();

  /** A client that records what reaches it. */
  private static final class Recording implements SdkHttpClient {
    final AtomicReference<HttpExecuteRequest> prepared = new AtomicReference<>();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      prepared.set(request);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return null;
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void theNameIsAnsweredWhileTheClientIsStillBeingBuiltAndRequestsWaitForIt() throws Exception {
    CountDownLatch nameAsked = new CountDownLatch(1);
    Recording built = new Recording();
    StartedHttpClient client =
        new StartedHttpClient(
            "UrlConnection",
            () -> {
              try {
                nameAsked.await(); // the build only ends once the name was answered without it
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return built;
            });

    assertThat(client.clientName()).isEqualTo("UrlConnection");
    nameAsked.countDown();
    client.prepareRequest(REQUEST);
    client.close();

    assertThat(built.prepared.get()).isSameAs(REQUEST);
    assertThat(built.closed).hasValue(1);
  }

  @Test
  void aClientThatCouldNotBeBuiltFailsTheRequestWithItsOwnException() {
    IllegalStateException failure = new IllegalStateException("no TLS provider");
    StartedHttpClient client =
        new StartedHttpClient(
            "UrlConnection",
            () -> {
              throw failure;
            });

    assertThatThrownBy(() -> client.prepareRequest(REQUEST)).isSameAs(failure);
  }

  @Test
  void theAwsClientsNameTheirHttpClientAsTheUrlConnectionClientDoes() {
    assertThat(AwsClients.HTTP_CLIENT_NAME)
        .isEqualTo(
            software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()
                .clientName());
  }
}
