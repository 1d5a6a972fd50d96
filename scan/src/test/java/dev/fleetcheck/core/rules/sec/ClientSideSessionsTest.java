package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSideSessionsTest {

  @TempDir Path dir;
  private final ClientSideSessions rule = new ClientSideSessions();

  @Test
  void signedCookieSessionsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/main.py",
                """
                from fastapi import FastAPI
                from starlette.middleware import Middleware
                from starlette.middleware.sessions import SessionMiddleware as Sessions

                app = FastAPI(middleware=[Middleware(Sessions, secret_key=KEY)])
                app.add_middleware(
                    Sessions,
                    secret_key=KEY,
                )
                """)
            .file(
                "site/settings.py",
                "SESSION_ENGINE = \"django.contrib.sessions.backends.signed_cookies\"\n")
            .file(
                "web/views.py",
                "from flask import Flask, session\n\ndef login():\n    session['uid'] = 1\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/main.py:5: Starlette SessionMiddleware keeps the session in a signed client-side"
                + " cookie",
            "app/main.py:6: Starlette SessionMiddleware keeps the session in a signed client-side"
                + " cookie",
            "site/settings.py:1: SESSION_ENGINE keeps Django sessions in signed client-side cookies",
            "web/views.py: uses Flask's session (a signed client-side cookie) and no server-side"
                + " session store is set up (Flask-Session)");
  }

  @Test
  void serverSideStoresOtherMiddlewareStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/app.py",
                """
                from flask import Flask, session
                from flask_session import Session

                app = Flask(__name__)
                app.config["SESSION_TYPE"] = "redis"
                Session(app)
                """)
            .file(
                "site/settings.py",
                "SESSION_ENGINE = \"django.contrib.sessions.backends.cache\"\n"
                    + "DOC = \"SessionMiddleware\"\n")
            .file(
                "app/main.py",
                "from starlette.middleware.cors import CORSMiddleware\n"
                    + "app.add_middleware(CORSMiddleware)\n")
            .file(
                "tests/test_app.py",
                "from starlette.middleware.sessions import SessionMiddleware\n"
                    + "app.add_middleware(SessionMiddleware)\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
