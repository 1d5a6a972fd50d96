package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;

/** Fixture repositories shared by the test-isolation rules (family F9). */
public final class TestIsolationFixtures {

  private TestIsolationFixtures() {}

  private static final String PRODUCT =
      """
      import boto3, requests
      s3 = boto3.client("s3")
      def fetch(url):
          return requests.get(url, timeout=3)
      """;

  /** Unit tests with containers, a public host, AWS clients, randomness and a /tmp path. */
  public static Path leaky(Path dir) {
    return FixtureRepo.in(dir)
        .python()
        .file("pyproject.toml", "[project]\nname='x'\ndependencies=['psycopg2','boto3']\n")
        .file("app/core.py", PRODUCT)
        .file(
            "tests/test_core.py",
            """
            import random, boto3, requests
            from testcontainers.postgres import PostgresContainer

            def test_it():
                client = boto3.client("s3")
                assert requests.get("https://api.github.com/repos", timeout=3).ok
                assert random.choice([1, 2])
                open("/tmp/out.txt", "w")
            """)
        .file(
            "tests/integration/test_live.py",
            "import requests, boto3\nrequests.get('https://api.github.com')\nboto3.client('s3')\n")
        .build();
  }

  /** The same product code with mocked, seeded, isolated tests and a database container. */
  public static Path isolated(Path dir) {
    return FixtureRepo.in(dir)
        .python()
        .file("pyproject.toml", "[project]\nname='x'\ndependencies=['asyncpg']\n")
        .file("app/core.py", PRODUCT)
        .file(
            "tests/conftest.py",
            """
            import os, random
            import responses
            os.environ["AWS_ENDPOINT_URL"] = "http://localhost:4566"
            random.seed(1)
            """)
        .file(
            "tests/unit/test_core.py",
            """
            import random, boto3, requests
            from moto import mock_aws
            @mock_aws
            def test_it(tmp_path):
                boto3.client("s3")
                requests.get("https://api.github.com", timeout=3)
                random.choice([1])
                url = "https://api.github.com"  # not a call
            """)
        .file(
            "tests/test_http.py",
            "def test_x(httpx_mock):\n    import httpx\n    httpx.get('https://pypi.org')\n")
        .file("tests/test_repo.py", "class FakeRepo:\n    pass\n")
        .file("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n")
        .build();
  }

  /** A Django project on Postgres with no tests, no compose file and no HTTP. */
  public static Path djangoPostgres(Path dir) {
    return FixtureRepo.in(dir)
        .python()
        .file(
            "site/settings.py",
            "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\n")
        .build();
  }

  /** Product code with none of the boundaries and no tests. */
  public static Path plain(Path dir) {
    return FixtureRepo.in(dir).python().file("a.py", "x = 1\n").build();
  }
}
