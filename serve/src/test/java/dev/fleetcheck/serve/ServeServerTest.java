package dev.fleetcheck.serve;

import static dev.fleetcheck.serve.ServeSecurityTest.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own layer over real HTTP: JWKS from a URL, 413 (declared and streamed bodies), 429
 * with Retry-After, X-Request-Id round trips, the signed download links (valid, tampered, expired)
 * and the exports that hand them out.
 */
class ServeServerTest {

  @TempDir Path dir;

  @Test
  void keysComeFromAJwksUrl() throws IOException {
    var key = ServeFixture.generate();
    AtomicInteger fetched = new AtomicInteger();
    HttpServer jwks =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    jwks.start();
    String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
    try (ServeFixture serve = new ServeFixture(dir, key, Optional.of(url), 0, 1)) {
      assertThat(serve.get("/v1/rules", serve.token("scans:read")).statusCode()).isEqualTo(200);
      var other = ServeFixture.generate();
      String foreign =
          ServeFixture.sign(
              other,
              com.nimbusds.jose.JWSAlgorithm.RS256,
              ServeFixture.claims("scans:read", b -> {}));
      assertThat(serve.get("/v1/rules", foreign).statusCode()).isEqualTo(401);
      assertThat(fetched.get()).isPositive();
    } finally {
      jwks.stop(0);
    }
  }

  @Test
  void aDeclaredOversizedBodyIs413WithoutBeingRead() throws IOException {
    try (ServeFixture serve = new ServeFixture(dir, Optional.empty(), 0, 1)) {
      String response =
          raw(
              serve,
              "POST /v1/scans HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: big-1\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n",
              new byte[0]);

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("x-request-id: big-1");
      assertThat(response).contains("\"error_code\":\"payload_too_large\"");
      assertThat(response).contains("\"correlation_id\":\"big-1\"");
    }
  }

  @Test
  void aChunkedBodyOverTheCapIs413() throws IOException {
    try (ServeFixture serve = new ServeFixture(dir, Optional.empty(), 0, 1)) {
      int size = ServerOptions.MAX_BODY_BYTES + 5_000;
      byte[] chunk = new byte[size];
      java.util.Arrays.fill(chunk, (byte) 'a');
      byte[] framed =
          concat(
              (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII),
              chunk,
              "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response =
          raw(
              serve,
              "POST /v1/scans HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                  + "Content-Type: application/json\r\n\r\n",
              framed);

      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response).contains("\"error_code\":\"payload_too_large\"");
      assertThat(response).doesNotContain("Exception");
    }
  }

  @Test
  void aClientOverItsBucketGets429WithRetryAfter() {
    // A burst of 2 refilled at one request a 100 s: the third request in a row is over.
    try (ServeFixture serve = new ServeFixture(dir, Optional.empty(), 0.01, 2)) {
      assertThat(serve.get("/v1/openapi.json", null).statusCode()).isEqualTo(200);
      assertThat(serve.get("/v1/openapi.json", null).statusCode()).isEqualTo(200);
      HttpResponse<String> refused =
          serve.send(
              serve.request("/v1/openapi.json").header("X-Request-Id", "rl-3").GET().build());

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()))
          .isPositive();
      assertThat(refused.headers().firstValue("x-request-id")).contains("rl-3");
      assertErrorShape(refused, "rate_limited");
    }
  }

  @Test
  void theRequestIdIsKeptWhenSafeAndReplacedOtherwise() {
    try (ServeFixture serve = new ServeFixture(dir, Optional.empty(), 0, 1)) {
      HttpResponse<String> kept =
          serve.send(
              serve
                  .request("/v1/rules")
                  .header("X-Request-Id", "ci-run-42")
                  .header("Authorization", "Bearer " + serve.token("scans:read"))
                  .GET()
                  .build());
      HttpResponse<String> replaced =
          serve.send(
              serve
                  .request("/v1/rules")
                  .header("X-Request-Id", "no spaces <allowed>")
                  .GET()
                  .build());

      assertThat(kept.headers().firstValue("x-request-id")).contains("ci-run-42");
      String generated = replaced.headers().firstValue("x-request-id").orElseThrow();
      assertThat(generated).isNotEqualTo("no spaces <allowed>").matches("[0-9a-f-]{36}");
      assertThat(ServeFixture.json(replaced).path("correlation_id").asText()).isEqualTo(generated);
    }
  }

  @Test
  void anExportsSignedLinkDownloadsUntilItExpiresAndNotWhenTampered() {
    try (ServeFixture serve = new ServeFixture(dir, Optional.empty(), 0, 1)) {
      String token = serve.token("exports:create");
      HttpResponse<String> created =
          serve.call("POST", "/v1/exports", "{\"format\":\"csv\"}", token);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
      String location = created.headers().firstValue("location").orElseThrow();
      JsonNode export = ServeFixture.json(serve.get(location, token));
      URI link = URI.create(export.path("download_url").asText());
      assertThat(link.getHost()).isEqualTo("127.0.0.1");
      assertThat(link.getPort()).isEqualTo(serve.app.baseUri().getPort());

      HttpResponse<String> file =
          serve.send(HttpRequest.newBuilder(link).timeout(ServeFixture.TIMEOUT).GET().build());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("content-disposition").orElse(""))
          .contains("attachment");
      assertThat(file.body()).contains("payments-api");

      String query = link.getRawQuery();
      String signature = query.substring(query.indexOf("signature=") + 10);
      String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
      URI tampered = URI.create(link.toString().replace(signature, flipped));
      HttpResponse<String> forged =
          serve.send(HttpRequest.newBuilder(tampered).timeout(ServeFixture.TIMEOUT).GET().build());
      assertThat(forged.statusCode()).isEqualTo(403);
      assertErrorShape(forged, "forbidden");

      serve.clock.advance(Duration.ofMinutes(16));
      HttpResponse<String> expired =
          serve.send(HttpRequest.newBuilder(link).timeout(ServeFixture.TIMEOUT).GET().build());
      assertThat(expired.statusCode()).isEqualTo(410);
      assertErrorShape(expired, "link_expired");
    }
  }

  /** Sends {@code head} then {@code body} on a raw socket; answers what the server sent back. */
  private static String raw(ServeFixture serve, String head, byte[] body) throws IOException {
    try (Socket socket =
        new Socket(InetAddress.getLoopbackAddress(), serve.app.baseUri().getPort())) {
      socket.setSoTimeout((int) ServeFixture.TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading all of an oversized body.
      }
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          read.write(buffer, 0, n);
          String text = read.toString(StandardCharsets.UTF_8);
          if (text.contains("\r\n\r\n") && text.contains("}")) {
            break;
          }
        }
      } catch (java.net.SocketException e) {
        // A reset after the answer arrived.
      }
      return read.toString(StandardCharsets.UTF_8);
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.write(part, 0, part.length);
    }
    return all.toByteArray();
  }
}
