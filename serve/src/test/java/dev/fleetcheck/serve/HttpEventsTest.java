package dev.fleetcheck.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An HTTP request as the API Gateway v2 event the API function reads. */
class HttpEventsTest {

  private static HttpEvents.Received request(
      String query, Map<String, String> headers, byte[] body) {
    return new HttpEvents.Received(
        "POST",
        "/v1/repos/a%2Fb/scans",
        query,
        headers,
        body,
        "127.0.0.1",
        "req-1",
        Instant.parse("2026-12-03T10:00:00Z"));
  }

  @Test
  void pathQueryHeadersCookiesAndContextAreCarriedAsApiGatewayWould() {
    APIGatewayV2HTTPEvent event =
        HttpEvents.of(
                request(
                    "team=a%20b&rule=X&rule=Y&flag",
                    Map.of(
                        "authorization", "Bearer secret",
                        "cookie", "theme=dark; " + LoginPage.COOKIE + "=secret-cookie; lang=en",
                        "user-agent", "curl/8"),
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                Optional.empty())
            .orElseThrow();

    assertThat(event.getRouteKey()).isEqualTo("$default");
    assertThat(event.getRawPath()).isEqualTo("/v1/repos/a%2Fb/scans");
    assertThat(event.getRawQueryString()).isEqualTo("team=a%20b&rule=X&rule=Y&flag");
    assertThat(event.getQueryStringParameters())
        .containsEntry("team", "a b")
        .containsEntry("rule", "X,Y")
        .containsEntry("flag", "");
    assertThat(event.getHeaders())
        .containsEntry("x-request-id", "req-1")
        .containsEntry("user-agent", "curl/8")
        .doesNotContainKeys("authorization", "cookie");
    assertThat(event.getCookies()).containsExactly("theme=dark", "lang=en");
    assertThat(event.getBody()).isEqualTo("{\"a\":1}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    var context = event.getRequestContext();
    assertThat(context.getHttp().getMethod()).isEqualTo("POST");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getRequestId()).isEqualTo("req-1");
    assertThat(context.getAuthorizer()).isNull();
  }

  @Test
  void aBodyThatIsNotUtf8IsBase64AndOnlyAValidatedTokenFillsTheAuthorizer() {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1};
    TokenCheck.Valid identity =
        new TokenCheck.Valid(
            Map.of("scope", "scans:read", "sub", "dev"), Set.of("scans:read"), Instant.now());

    APIGatewayV2HTTPEvent event =
        HttpEvents.of(request("", Map.of(), binary), Optional.of(identity)).orElseThrow();

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(binary);
    assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
        .containsEntry("scope", "scans:read");
    assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes())
        .isEqualTo(List.of("scans:read"));
  }

  @Test
  void aQueryStringThatDoesNotDecodeIsRefused() {
    assertThat(HttpEvents.of(request("a=%zz", Map.of(), new byte[0]), Optional.empty())).isEmpty();
  }
}
