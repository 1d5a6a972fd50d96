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

class SessionFixationTest {

  @TempDir Path dir;
  private final SessionFixation rule = new SessionFixation();

  @Test
  void loginHandlersWritingTheSessionWithoutRotatingFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/auth.py",
                """
                from flask import session

                @bp.post("/login")
                def login():
                    user = find(request.form["name"])
                    session["user_id"] = user.id
                    return "ok"

                def submit(request):
                    if user.check_password(request.POST["password"]):
                        request.session["uid"] = user.pk
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "web/auth.py:6: login handler login writes the session without rotating it (session"
                + " fixation)",
            "web/auth.py:11: login handler submit writes the session without rotating it (session"
                + " fixation)");
  }

  @Test
  void rotatingHandlersOtherFunctionsReadsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/auth.py",
                """
                from django.contrib.auth import login
                from flask import session

                def signin():
                    session.clear()
                    session["user_id"] = 1

                def django_login(request):
                    login(request, user)
                    request.session["theme"] = "dark"

                def sign_in_again(request):
                    request.session.cycle_key()
                    request.session["uid"] = 2

                def set_theme():
                    session["theme"] = "dark"

                def authenticate():
                    if session["uid"] == 1:
                        return True
                    text = "session['uid'] = 3"
                """)
            .file("tests/test_auth.py", "def login():\n    session['uid'] = 1\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
