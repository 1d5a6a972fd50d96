package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsecureTransportTest {

  @TempDir Path dir;
  private final InsecureTransport rule = new InsecureTransport();

  @Test
  void namesImportedUnderOtherNamesAreStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                """
                from requests import get as fetch
                from ssl import _create_unverified_context as unverified

                fetch("http://api.example.com/items", verify=False)
                ctx = unverified()
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/client.py:4: TLS verification off: fetch(..., verify=False)",
            "app/client.py:5: unverified TLS context: ssl._create_unverified_context()");
  }

  @Test
  void verificationTurnedOffInClientsFailsThroughAliasesAndAcrossLines() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/client.py",
                """
                import requests as r
                import httpx
                import ssl
                import urllib3
                from aiohttp import ClientSession

                def fetch(url):
                    return r.get(
                        url,
                        timeout=5,
                        verify=False,
                    )

                client = httpx.Client(verify=False)
                session = r.Session()
                session.verify = False
                ctx = ssl._create_unverified_context()
                urllib3.disable_warnings()

                async def go(url):
                    async with ClientSession() as s:
                        await s.get(url, ssl=False)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/client.py:8: TLS verification off: r.get(..., verify=False)",
            "app/client.py:14: TLS verification off: httpx.Client(..., verify=False)",
            "app/client.py:16: TLS verification off: session.verify = False",
            "app/client.py:17: unverified TLS context: ssl._create_unverified_context()",
            "app/client.py:18: TLS warnings silenced: urllib3.disable_warnings() hides unverified"
                + " requests",
            "app/client.py:22: TLS verification off: s.get(..., ssl=False)");
  }

  @Test
  void plaintextHttpToAPublicHostFailsAndSaysWhenItCarriesCredentials() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/partner.py",
                """
                import requests
                PARTNER = "http://api.partner.io/v1/orders"

                def send(order):
                    requests.post(PARTNER, json=order, auth=("u", "p"), timeout=3)
                    requests.get("http://status.partner.io/health", timeout=3)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/partner.py:5: plaintext HTTP to the public host api.partner.io: requests.post("
                + "\"http://...\") with credentials",
            "app/partner.py:6: plaintext HTTP to the public host status.partner.io: requests.get("
                + "\"http://...\")");
  }

  @Test
  void trapsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/safe.py",
                """
                import jwt
                import requests
                import ssl

                # requests.get("http://api.partner.io", verify=False)
                HELP = "pass verify=False to requests.get to skip checks"

                def fetch(url, args):
                    requests.get(url, verify=args.insecure, timeout=3)
                    requests.get("http://localhost:8000/x", timeout=3)
                    requests.get("http://dynamodb:8000", timeout=3)
                    requests.get("http://10.0.0.5/api", timeout=3)
                    requests.get("http://api.example.com/v1", timeout=3)
                    requests.get("https://api.partner.io", timeout=3)
                    jwt.decode(url, verify=False)
                    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                    server.check_hostname = False
                    return "http://api.partner.io/docs"
                """)
            .file("tests/test_client.py", "import requests\nrequests.get('u', verify=False)\n")
            .file("examples/demo.py", "import requests\nrequests.get('u', verify=False)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo));
  }

  @Test
  void aClientContextWithHostNameCheckingOffFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/tls.py",
                "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False\n")
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/tls.py:3: host name checking off on a client TLS context: ctx.check_hostname ="
                + " False");
  }

  @Test
  void hostNameCheckingChosenAtRunTimeFromTheCallersCertReqsDoesNotFire() {
    // urllib3's create_urllib3_context: off only in the branch where the caller asked for less.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/util/ssl_.py",
                """
                import ssl
                from ssl import SSLContext

                def create_context(cert_reqs=None):
                    context = SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                    if cert_reqs == ssl.CERT_REQUIRED:
                        context.verify_mode = cert_reqs
                        context.check_hostname = True
                    else:
                        context.check_hostname = False
                        context.verify_mode = cert_reqs
                    return context

                def always_off():
                    other = ssl.create_default_context()
                    other.check_hostname = False
                    return other
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "pkg/util/ssl_.py:16: host name checking off on a client TLS context:"
                + " other.check_hostname = False");
  }

  @Test
  void certReqsChosenFromTheCallersVerifyFlagDoesNotFireWhileAFixedCertNoneDoes() {
    // httpie: the context follows --verify; ansible-core's legacy path passes CERT_NONE always.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/tls.py",
                """
                import ssl
                from urllib3.util.ssl_ import create_urllib3_context, ssl_wrap_socket

                def context(verify):
                    return create_urllib3_context(
                        cert_reqs=ssl.CERT_REQUIRED if verify else ssl.CERT_NONE
                    )

                def legacy(sock):
                    return ssl_wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
                """)
            .build();

    assertThat(findings(check(rule, repo)))
        .containsExactly(
            "app/tls.py:10: TLS verification off: ssl_wrap_socket(..., cert_reqs=CERT_NONE)");
  }

  @Test
  void withoutProductCodeItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/test_x.py", "import requests\nrequests.get('u', verify=False)\n")
            .build();

    assertThat(check(rule, repo).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
