package dev.fleetcheck.functions.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/openapi.json}: the OpenAPI document of docs/openapi.json, packaged into the jar
 * from that very file, public like any published API reference.
 */
final class OpenApiRoute {

  static final String RESOURCE = "openapi.json";

  private OpenApiRoute() {}

  static Route route() {
    String document = document();
    return Route.open(
        "GET /v1/openapi.json", r -> ApiReply.text(ApiReply.APPLICATION_JSON, document));
  }

  static String document() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
