package dev.fleetcheck.aws.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.fleetcheck.aws.AwsClients;
import dev.fleetcheck.aws.AwsSettings;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launcher against a loopback stand-in for the Lambda Invoke API. */
class LambdaSweepLauncherTest {

  private static final String INVOKE = "/2015-03-31/functions/fleetcheck-sweep%3Alive/invocations";

  private WireMockServer lambda;
  private AwsClients clients;
  private LambdaSweepLauncher launcher;

  @BeforeEach
  void start() {
    lambda = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    lambda.start();
    clients = new AwsClients(AwsSettings.local(URI.create("http://127.0.0.1:" + lambda.port())));
    launcher = new LambdaSweepLauncher(clients.lambda(), "fleetcheck-sweep:live");
  }

  @AfterEach
  void stop() {
    clients.close();
    lambda.stop();
  }

  @Test
  void aSweepIsAnAsynchronousInvokeOfTheSweepFunctionWithItsManualEvent() {
    lambda.stubFor(post(urlEqualTo(INVOKE)).willReturn(aResponse().withStatus(202)));

    launcher.launch("sw-key-abc");

    lambda.verify(
        postRequestedFor(urlEqualTo(INVOKE))
            .withHeader("X-Amz-Invocation-Type", equalTo("Event"))
            .withRequestBody(equalToJson("{\"sweep_id\":\"sw-key-abc\"}")));
  }

  @Test
  void aRefusedInvokeIsAStoreFailure() {
    lambda.stubFor(
        post(urlEqualTo(INVOKE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                    .withBody("{\"message\":\"Function not found\"}")));

    assertThatThrownBy(() -> launcher.launch("sw-1"))
        .isInstanceOfSatisfying(
            FleetcheckException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_FAILED));
  }
}
