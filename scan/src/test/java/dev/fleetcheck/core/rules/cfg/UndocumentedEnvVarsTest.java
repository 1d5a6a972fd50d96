package dev.fleetcheck.core.rules.cfg;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndocumentedEnvVarsTest {

  @TempDir Path dir;
  private final UndocumentedEnvVars rule = new UndocumentedEnvVars();

  private static final String CONFIG =
      """
      import os
      import click

      DB = os.environ["APP_DB_URL"]
      LEVEL = os.getenv("APP_LOG_LEVEL")
      CACHE = os.getenv("APP_CACHE_DIR")

      @click.option("--token-file", envvar="APP_TOKEN_FILE", show_envvar=True)
      def main(token_file):
          pass
      """;

  @Test
  void variablesNoDocumentNamesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/config.py", CONFIG)
            .file("README.md", "# App\nSet APP_DB_URL_OLD to migrate.\n")
            .file("docs/config.md", "`APP_LOG_LEVEL`: the log level\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/config.py:4: APP_DB_URL is documented nowhere (README, docs/, .env.example)",
            "app/config.py:6: APP_CACHE_DIR is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void theLambdaRuntimesAndTheTerminalsVariablesNeedNoDocumentation() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/plugin.py",
                """
                import os

                LAMBDA_TRACE_HEADER_KEY = "_X_AMZN_TRACE_ID"

                def running():
                    return os.getenv(LAMBDA_TRACE_HEADER_KEY), os.getenv("WAYLAND_DISPLAY")

                def colours():
                    return os.getenv("COLORFGBG"), os.getenv("APP_THEME")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.LAMBDA)))
        .containsExactly(
            "app/plugin.py:9: APP_THEME is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void otherProgramsVariablesNeedNoDocumentationHere() {
    // borgbackup and ansible-core: OpenSSH's, git's and the linker's names are documented by
    // those programs; the application's own BORG_REPO still needs a word in its docs.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/remote.py",
                """
                import os

                def serve():
                    command = os.environ.get("SSH_ORIGINAL_COMMAND")
                    return command, os.environ.get("GIT_SSH_COMMAND"), os.getenv("LD_PRELOAD")

                REPO = os.environ.get("BORG_REPO")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/remote.py:7: BORG_REPO is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void variablesReadThroughAliasesAreStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/config.py",
                """
                from os import environ as env, getenv as read
                import os as system

                TOKEN = env.get("APP_TOKEN")
                REGION = read("APP_REGION")
                HOME = system.environ.get("APP_HOME")
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/config.py:4: APP_TOKEN is documented nowhere (README, docs/, .env.example)",
            "app/config.py:5: APP_REGION is documented nowhere (README, docs/, .env.example)",
            "app/config.py:6: APP_HOME is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void variablesInReadmeDocsOrEnvExampleStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/config.py", CONFIG)
            .file("README.md", "Set APP_DB_URL.\n")
            .file("docs/config.md", "APP_LOG_LEVEL=INFO\n")
            .file(".env.example", "APP_CACHE_DIR=/tmp/cache\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.CLI));
  }

  @Test
  void aNameCountsOnlyWithNoAsciiLetterDigitOrUnderscoreBesideIt() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/config.py", CONFIG)
            .file("README.md", "xAPP_DB_URL and APP_DB_URL_2 and APP_CACHE_DIR9\r\n")
            .file("docs/a.md", "\u00e9APP_LOG_LEVEL\u00e9 is a level")
            .file("docs/b.md", "${APP_CACHE_DIR}")
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/config.py:4: APP_DB_URL is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void malformedOrNonAsciiBytesAroundANameSeparateItLikeTheDecodedText() {
    byte[] readme =
        new byte[] {
          (byte) 0xE2,
          'A',
          'P',
          'P',
          '_',
          'D',
          'B',
          '_',
          'U',
          'R',
          'L',
          (byte) 0xFF,
          ' ',
          (byte) 0xC3,
          (byte) 0xA9,
          'A',
          'P',
          'P',
          '_',
          'L',
          'O',
          'G',
          '_',
          'L',
          'E',
          'V',
          'E',
          'L',
          'X',
          '\n'
        };
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/config.py", CONFIG)
            .bytes("README.md", readme)
            .file(".env.example", "APP_CACHE_DIR=/tmp/cache\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/config.py:5: APP_LOG_LEVEL is documented nowhere (README, docs/, .env.example)");
  }

  @Test
  void manyVariablesAreMatchedAsWholeWordsToo() {
    StringBuilder code = new StringBuilder("import os\n\n");
    for (int i = 0; i < 20; i++) {
      code.append("V").append(i).append(" = os.getenv(\"APP_V").append(i).append("\")\n");
    }
    StringBuilder readme = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i == 3) {
        readme.append("APP_V3x ");
      } else if (i == 7) {
        readme.append("_APP_V7 ");
      } else if (i != 11) {
        readme.append("\u00e9APP_V").append(i).append("-\r\n");
      }
    }
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/config.py", code.toString())
            .file("README.md", readme.toString())
            .build();

    assertThat(findings(check(rule, repo, Profile.CLI)))
        .containsExactly(
            "app/config.py:6: APP_V3 is documented nowhere (README, docs/, .env.example)",
            "app/config.py:10: APP_V7 is documented nowhere (README, docs/, .env.example)",
            "app/config.py:14: APP_V11 is documented nowhere (README, docs/, .env.example)");
  }
}
