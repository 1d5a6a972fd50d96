package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlStatementLoggingTest {

  @TempDir Path dir;

  @Test
  void echoedSqlFailsAndQuietEnginesStayManual() {
    Path noisy =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/db.py",
                """
                import logging
                from sqlalchemy import create_engine
                from sqlalchemy.ext.asyncio import create_async_engine as engine
                e1 = create_engine(URL, echo=True)
                e2 = engine(
                    URL, echo="debug")
                logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
                """)
            .build();
    Path quiet =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/db.py",
                "from sqlalchemy import create_engine\n"
                    + "e = create_engine(URL, echo=settings.echo_sql)\n"
                    + "f = create_engine(URL, echo=False)\n")
            .build();

    assertThat(findings(check(new SqlStatementLogging(), noisy, Profile.API)))
        .containsExactly(
            "app/db.py:4: create_engine(echo=...) logs every SQL statement and its parameters",
            "app/db.py:5: engine(echo=...) logs every SQL statement and its parameters",
            "app/db.py:7: the sqlalchemy.engine logger logs every SQL statement");
    assertNoEvidentViolation(check(new SqlStatementLogging(), quiet, Profile.API));
  }
}
