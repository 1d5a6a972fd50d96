package dev.fleetcheck.core.rules.obs;

/** Python sources that several observability rule tests judge, each rule for its own part. */
final class ObsFixtures {

  private ObsFixtures() {}

  static final String CLIENT =
      """
      import requests as http
      import logging
      log = logging.getLogger(__name__)
      # log.info("dependency.call") in a comment does not count

      def fetch(url):
          text = "dependency.error is only mentioned"
          return http.get(
              url, timeout=5)
      """;

  static final String COUNTER_ONLY =
      """
      from prometheus_client import Counter
      REQUESTS = Counter("http_requests_total", "Requests", ["route", "status"])
      # Histogram("latency", "x", ["error_code"])
      def count(route, status):
          REQUESTS.labels(route=route, status=status).inc()
      """;

  static final String NOISY =
      """
      import logging
      from logging import DEBUG

      def main():
          logging.basicConfig(level=logging.DEBUG)
          logging.getLogger().setLevel(DEBUG)
          logging.getLogger("app").setLevel(10)

      if __name__ == "__main__":
          logging.basicConfig(level="DEBUG")
      """;

  static final String GUARDED =
      """
      import logging, os

      def main(args):
          if args.verbose:
              logging.basicConfig(level=logging.DEBUG)
          else:
              logging.basicConfig(level=logging.WARNING)

      def enable_debug():
          logging.getLogger().setLevel(logging.DEBUG)

      # logging.basicConfig(level=logging.DEBUG)
      level = os.environ.get("LOG_LEVEL", "INFO")
      """;
}
