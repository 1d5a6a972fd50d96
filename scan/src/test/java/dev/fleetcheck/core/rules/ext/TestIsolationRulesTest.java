package dev.fleetcheck.core.rules.ext;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.lcl.NetworkInUnitTier;
import dev.fleetcheck.core.rules.tst.NondeterministicTests;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIsolationRulesTest {

  @TempDir Path dir;

  private static final String PRODUCT =
      """
      import boto3, requests
      s3 = boto3.client("s3")
      def fetch(url):
          return requests.get(url, timeout=3)
      """;

  @Test
  void unitTestsWithContainersNetworkAwsAndRandomnessFail() {
    Path repo =
        FixtureRepo.in(dir)
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

    assertThat(findings(check(new NetworkInUnitTier(), repo)))
        .containsExactly(
            "tests/test_core.py: unit-tier test imports testcontainers: needs containers",
            "tests/test_core.py:6: unit-tier test calls api.github.com over the network without an"
                + " HTTP mock");
    assertThat(findings(check(new UnisolatedAwsTests(), repo)))
        .containsExactly(
            "tests/test_core.py:5: boto3.client(...) in a unit test with no AWS isolation in the"
                + " test tree");
    assertThat(findings(check(new NondeterministicTests(), repo)))
        .containsExactly(
            "tests/test_core.py:7: random.choice(...) uses unseeded randomness",
            "tests/test_core.py:8: test writes to a fixed temp path");
    assertThat(findings(check(new UnmockedHttpDependencies(), repo, Profile.CLI)))
        .containsExactly("app/core.py:4: requests.get(...) calls HTTP but no test mocks HTTP");
    assertThat(findings(check(new BoundariesWithoutFakes(), repo)))
        .containsExactly(
            "app/core.py: AWS SDK boundary with neither a fake nor an emulator in tests",
            "app/core.py:4: outbound HTTP boundary with neither a fake nor an emulator in tests");
    assertNoEvidentViolation(check(new DatabaseWithoutContainer(), repo));
  }

  @Test
  void mockedSeededIsolatedTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
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

    assertNoEvidentViolation(check(new NetworkInUnitTier(), repo));
    assertNoEvidentViolation(check(new UnisolatedAwsTests(), repo));
    assertNoEvidentViolation(check(new NondeterministicTests(), repo));
    assertNoEvidentViolation(check(new UnmockedHttpDependencies(), repo, Profile.API));
    assertNoEvidentViolation(check(new BoundariesWithoutFakes(), repo));
    assertNoEvidentViolation(check(new DatabaseWithoutContainer(), repo));
  }

  @Test
  void databaseWithoutContainerFailsAndRulesWithoutTheirSubjectAreNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "site/settings.py",
                "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\n")
            .build();

    assertThat(findings(check(new DatabaseWithoutContainer(), repo)))
        .containsExactly(
            "site/settings.py:1: django.db.backends.postgresql needs a database, but no compose"
                + " service or testcontainers runs one");
    assertThat(check(new NetworkInUnitTier(), repo).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(check(new UnmockedHttpDependencies(), repo, Profile.CLI).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    Path none = FixtureRepo.in(dir.resolve("n")).python().file("a.py", "x = 1\n").build();
    assertThat(check(new DatabaseWithoutContainer(), none).status())
        .isEqualTo(Status.NOT_APPLICABLE);
    assertThat(check(new BoundariesWithoutFakes(), none).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
