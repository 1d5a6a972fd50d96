package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugSwitchesTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new DebugSwitches(), repo, Profile.API);
  }

  @Test
  void djangoSettingsWithDebugOnFail() {
    Outcome outcome =
        check(
            "mysite/settings.py",
            """
            import os
            DEBUG = True
            TEMPLATE_DEBUG = os.environ.get("DJANGO_DEBUG", "True")
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "mysite/settings.py:2: DEBUG = True in committed settings: clients get stack traces",
            "mysite/settings.py:3: DJANGO_DEBUG is on unless the environment turns it off (truthy"
                + " default)");
  }

  @Test
  void settingsFromTheEnvironmentWithAFalseDefaultPass() {
    Outcome outcome =
        check(
            "mysite/settings/production.py",
            """
            import os
            import environ
            env = environ.Env()
            DEBUG = os.environ.get("DEBUG", "False") == "True"
            DEBUG = env.bool("DEBUG", default=False)
            if os.environ.get("ENV") == "dev":
                DEBUG = True
            """);

    assertThat(outcome.status()).isEqualTo(Status.PASS);
  }

  @Test
  void devLocalAndTestSettingsAndDevConfigClassesAreExempt() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("mysite/settings/dev.py", "DEBUG = True\n")
            .file("mysite/local_settings.py", "DEBUG = True\n")
            .file("tests/settings.py", "DEBUG = True\n")
            .file(
                "app/config.py",
                """
                class Config:
                    DEBUG = False


                class DevelopmentConfig(Config):
                    DEBUG = True
                """)
            .build();

    assertThat(RuleFixture.check(new DebugSwitches(), repo, Profile.API).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void flaskAndAsgiSwitchesFailWhereverTheyAreWritten() {
    Outcome outcome =
        check(
            "app/main.py",
            """
            from fastapi import FastAPI as Api
            from werkzeug.debug import DebuggedApplication
            app = Api(
                title="x",
                debug=True,
            )
            flask_app.debug = True
            flask_app.config["DEBUG"] = True
            flask_app.config.update(DEBUG=True)
            wrapped = DebuggedApplication(flask_app, evalex=True)


            class ProductionConfig:
                DEBUG = True
            """);

    assertThat(outcome.evidence())
        .extracting(e -> e.line())
        .containsExactlyInAnyOrder(3, 7, 8, 9, 10, 14);
  }

  @Test
  void stringsCommentsAndTestCodeDoNotCount() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/settings.py",
                """
                # DEBUG = True
                HELP = "set DEBUG = True to see FastAPI(debug=True) tracebacks"
                DEBUG = False
                """)
            .file("tests/test_app.py", "app = FastAPI(debug=True)\n")
            .build();

    assertThat(RuleFixture.check(new DebugSwitches(), repo, Profile.API).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void anAliasedEnvironmentLookupIsStillJudged() {
    // getenv and environ are spelled only in the imports; the calls are written under aliases.
    Outcome outcome =
        check(
            "app/config.py",
            """
            from os import getenv as env_var
            from os import environ as variables
            DEBUG = env_var("DEBUG", "1")
            APP_DEBUG = variables.get("APP_DEBUG", "yes")
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/config.py:3: DEBUG is on unless the environment turns it off (truthy default)",
            "app/config.py:4: APP_DEBUG is on unless the environment turns it off (truthy"
                + " default)");
  }

  @Test
  void debugOnADispatcherThatIsNotAFlaskAppIsNotASwitch() {
    // moto's server: the Flask backend's debug flag is a finding, the dispatcher's is not.
    Outcome outcome =
        check(
            "pkg/server.py",
            """
            from flask import Flask
            from pkg.dispatch import DomainDispatcherApplication


            class Api(Flask):
                pass


            def create_backend_app(service):
                backend_app = Flask("pkg")
                backend_app.debug = True
                return backend_app


            def main():
                main_app = DomainDispatcherApplication(create_backend_app)
                main_app.debug = True  # type: ignore
                api = Api(__name__)
                api.debug = True
                factory_app = create_app()
                factory_app.debug = True
            """);

    assertThat(outcome.evidence())
        .extracting(e -> e.line() + ": " + e.message())
        .containsExactly(
            "11: backend_app.debug = True: the debugger answers clients",
            "19: api.debug = True: the debugger answers clients",
            "21: factory_app.debug = True: the debugger answers clients");
  }
}
