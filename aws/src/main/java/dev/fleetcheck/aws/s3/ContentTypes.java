package dev.fleetcheck.aws.s3;

/** The media type a report download announces, from its key's extension. */
final class ContentTypes {

  private ContentTypes() {}

  static String of(String key) {
    if (key.endsWith(".sarif")) {
      return "application/sarif+json";
    }
    if (key.endsWith(".json")) {
      return "application/json";
    }
    if (key.endsWith(".csv")) {
      return "text/csv";
    }
    if (key.endsWith(".html")) {
      return "text/html";
    }
    return "application/octet-stream";
  }
}
