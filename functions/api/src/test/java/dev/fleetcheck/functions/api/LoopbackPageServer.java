package dev.fleetcheck.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetcheck.embedded.SignedLocalLinks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A test-only HTTP adapter around the API handler on a free loopback port: each request becomes an
 * API Gateway v2 event with the given scopes as verified claims (the JWT authorizer's part), and
 * {@code /downloads/...} serves export files behind their signed local links. The real local server
 * is {@code fleetcheck serve}.
 */
final class LoopbackPageServer implements AutoCloseable {

  final ApiFixture api;
  final URI base;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final SignedLocalLinks links;

  LoopbackPageServer(Path dir, String scopes) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    links = new SignedLocalLinks(base, key, Clock.systemUTC());
    api = new ApiFixture(dir, links);
    server.createContext("/", exchange -> answer(exchange, scopes));
    server.setExecutor(threads);
    server.start();
  }

  private void answer(HttpExchange exchange, String scopes) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (path.startsWith("/downloads/")) {
        download(exchange, path.substring("/downloads/".length()), query);
        return;
      }
      APIGatewayV2HTTPEvent event = ApiFixture.sample("get-fleet-page.json");
      event.setRouteKey("$default");
      event.setRawPath(path);
      event.setPathParameters(null);
      event.setQueryStringParameters(query.isEmpty() ? null : query);
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      event.setHeaders(headers);
      byte[] body = exchange.getRequestBody().readNBytes(ApiRouter.MAX_BODY_BYTES + 1);
      event.setBody(body.length == 0 ? null : Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(body.length > 0);
      event.getRequestContext().getHttp().setMethod(exchange.getRequestMethod());
      ApiFixture.withScope(event, scopes);
      APIGatewayV2HTTPResponse response = api.invoke(event);
      response
          .getHeaders()
          .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      send(exchange, response.getStatusCode(), response.getBody().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void download(HttpExchange exchange, String key, Map<String, String> query)
      throws IOException {
    if (!links.verify(key, query.get("expires"), query.get("signature"))) {
      send(exchange, 403, new byte[0]);
      return;
    }
    byte[] file = api.embedded.ports().reports().get(key).orElse(null);
    if (file == null) {
      send(exchange, 404, new byte[0]);
      return;
    }
    exchange.getResponseHeaders().add("content-type", "application/octet-stream");
    exchange
        .getResponseHeaders()
        .add(
            "content-disposition",
            "attachment; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"");
    send(exchange, 200, file);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      api.close();
    }
  }
}
