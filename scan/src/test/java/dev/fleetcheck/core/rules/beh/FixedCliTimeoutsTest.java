package dev.fleetcheck.core.rules.beh;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedCliTimeoutsTest {

  @TempDir Path dir;

  private static final String CLIENT =
      """
      import requests
      import httpx

      TIMEOUT = (3.05, 10)

      def fetch(url):
          session = requests.Session()
          session.get(url, timeout=TIMEOUT)
          httpx.post(url, timeout=5)
          requests.get(url, timeout=timeout_from(url))
      """;

  @Test
  void fixedTimeoutsWithoutATimeoutOptionFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/net.py", CLIENT)
            .file(
                "tool/cli.py",
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--url')\n")
            .build();

    assertThat(findings(check(new FixedCliTimeouts(), repo, Profile.CLI)))
        .containsExactly(
            "tool/net.py:8: session.get uses a fixed timeout and no CLI option lets users change it",
            "tool/net.py:9: httpx.post uses a fixed timeout and no CLI option lets users change it");
  }

  @Test
  void aTimeoutOptionOrNoFixedTimeoutStaysManual() {
    Path withOption =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/net.py", CLIENT)
            .file(
                "tool/cli.py",
                "import click\n\n@click.command()\n@click.option('--http-timeout', type=float)\n"
                    + "def main(http_timeout):\n    pass\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "tool/net.py", "import requests\n\ndef f(u, t):\n    requests.get(u, timeout=t)\n")
            .file("tests/test_net.py", "import requests\nrequests.get('u', timeout=3)\n")
            .build();

    assertNoEvidentViolation(check(new FixedCliTimeouts(), withOption, Profile.CLI));
    assertNoEvidentViolation(check(new FixedCliTimeouts(), none, Profile.CLI));
  }
}
