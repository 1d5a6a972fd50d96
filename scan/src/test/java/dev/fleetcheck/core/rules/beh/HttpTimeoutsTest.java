package dev.fleetcheck.core.rules.beh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTimeoutsTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    return FixtureRepo.check(
        new HttpTimeouts(), FixtureRepo.in(dir).python().file(path, source).build());
  }

  @Test
  void passesWhenEveryCallHasATimeout() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests
            from urllib.request import urlopen
            requests.get(url, timeout=5)
            urlopen(url, timeout=3)
            s = requests.Session()
            s.post(url, json={}, timeout=(3.05, 27))
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void failsOncePerCallWithoutATimeout() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests
            requests.get(url)
            requests.get(url, timeout=5)
            requests.request("PATCH", url)
            """);

    assertThat(outcome.status()).isEqualTo(Status.FAIL);
    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/client.py:2: requests.get(...) has no timeout",
            "app/client.py:4: requests.request(...) has no timeout");
  }

  @Test
  void aCallSpreadOverLinesIsReportedWhereItStarts() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests

            response = requests.post(
                url,
                json={"timeout": 5},  # not the keyword
                headers=headers,
            )
            ok = requests.post(
                url,
                timeout=5,
            )
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly("app/client.py:3: requests.post(...) has no timeout");
  }

  @Test
  void aliasesAndFromImportsAreFollowed() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests as r
            from requests import get
            from urllib.request import urlopen
            import urllib.request
            import urllib.request as ur
            r.put(url)
            get(url)
            urlopen(url)
            urllib.request.urlopen(url)
            ur.urlopen(url)
            urlopen(url, None, 10)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/client.py:6: r.put(...) has no timeout",
            "app/client.py:7: get(...) has no timeout",
            "app/client.py:8: urlopen(...) has no timeout",
            "app/client.py:9: urllib.request.urlopen(...) has no timeout",
            "app/client.py:10: ur.urlopen(...) has no timeout");
  }

  @Test
  void sessionsAreFollowedHoweverTheyAreBound() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests
            from requests import Session
            s = requests.Session()
            s.get(url)
            with requests.Session() as w:
                w.post(url)
            session = Session()
            session.delete(url)
            requests.Session().head(url)
            class Api:
                def __init__(self):
                    self.http = requests.session()
                def fetch(self):
                    return self.http.get(url)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/client.py:4: s.get(...) has no timeout",
            "app/client.py:6: w.post(...) has no timeout",
            "app/client.py:8: session.delete(...) has no timeout",
            "app/client.py:9: requests.Session().head(...) has no timeout",
            "app/client.py:14: self.http.get(...) has no timeout");
  }

  @Test
  void otherSessionsAreNotHttp() {
    Outcome outcome =
        check(
            "app/db.py",
            """
            from sqlalchemy.orm import Session
            session = Session(engine)
            session.get(User, 5)
            cache.get("key")
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void aCallPassingKwargsIsNotFlagged() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests
            def fetch(url, **kwargs):
                return requests.get(url, **kwargs)
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void anExplicitNoneTimeoutFails() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests, httpx
            requests.get(url, timeout=None)
            httpx.get(url)
            httpx.get(url, timeout=None)
            client = httpx.Client(timeout=None)
            async with httpx.AsyncClient() as c:
                await c.get(url, timeout=None)
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/client.py:2: requests.get(...) turns the timeout off with timeout=None",
            "app/client.py:4: httpx.get(...) turns the timeout off with timeout=None",
            "app/client.py:5: httpx.Client(...) turns the timeout off with timeout=None",
            "app/client.py:7: c.get(...) turns the timeout off with timeout=None");
  }

  @Test
  void callsInStringsAndCommentsDoNotCount() {
    Outcome outcome =
        check(
            "app/client.py",
            """
            import requests
            # requests.get(url)
            USAGE = \"\"\"
            requests.get(url)
            \"\"\"
            print(f"{requests.get(url)}")
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void testCodeIsExcludedButExampleCodeIsNot() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/test_client.py", "import requests\nrequests.get(url)\n")
            .file("app/conftest.py", "import requests\nrequests.get(url)\n")
            .file("examples/demo.py", "import requests\nrequests.get(url)\n")
            .build();

    Outcome outcome = FixtureRepo.check(new HttpTimeouts(), repo);

    assertThat(RuleFixture.described(outcome))
        .containsExactly("examples/demo.py:2: requests.get(...) has no timeout");
  }

  @Test
  void onlyTestCodeIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir).python().file("tests/test_client.py", "requests.get(u)\n").build();

    assertThat(FixtureRepo.check(new HttpTimeouts(), repo).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
