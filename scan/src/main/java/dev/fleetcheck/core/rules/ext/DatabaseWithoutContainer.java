package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.container.ComposeFile;
import dev.fleetcheck.core.facts.container.ComposeFiles;
import dev.fleetcheck.core.facts.container.ComposeService;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-EXT-011 (assisted): a Postgres/MySQL application with no local database container. Declared
 * dependencies are read without telling runtime from development groups.
 */
public final class DatabaseWithoutContainer implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-EXT-011",
              Set.of(Profile.PYTHON),
              "Run the database locally in a container: a compose service (postgres, mysql,"
                  + " mariadb) or testcontainers in the integration tests.")
          .defined(
              "FAIL when a Postgres/MySQL driver is declared (psycopg, psycopg2, asyncpg, pg8000,"
                  + " pymysql, mysqlclient, mysql-connector-python, aiomysql) or a Django ENGINE is"
                  + " postgresql/mysql, and no compose service image is postgres, postgis, mysql or"
                  + " mariadb and no test uses testcontainers; else MANUAL. NOT_APPLICABLE without"
                  + " such a database.",
              Effort.MEDIUM);

  private static final List<String> DRIVERS =
      List.of(
          "psycopg",
          "psycopg2",
          "psycopg2-binary",
          "psycopg-binary",
          "asyncpg",
          "pg8000",
          "pymysql",
          "mysqlclient",
          "mysql-connector-python",
          "aiomysql");
  private static final Pattern DB_IMAGE = Pattern.compile("postgres|postgis|mysql|mariadb");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<Evidence> database = database(context);
    if (database.isEmpty()) {
      return Outcome.notApplicable("no Postgres or MySQL driver or Django engine");
    }
    return containerised(context) ? Outcome.noEvidentViolation() : Outcome.fail(database.get());
  }

  /** A compose service with a database image, or testcontainers in the tests. */
  static boolean containerised(RuleContext context) {
    for (ComposeFile file : context.fact(ComposeFiles.FACT).files()) {
      for (ComposeService service : file.services()) {
        if (service
            .image()
            .map(i -> DB_IMAGE.matcher(i.toLowerCase(Locale.ROOT)).find())
            .orElse(false)) {
          return true;
        }
      }
    }
    return context.fact(TestSuite.FACT).anyImports("testcontainers");
  }

  /** Where the repository shows it uses Postgres or MySQL. */
  static Optional<Evidence> database(RuleContext context) {
    DeclaredDependencies dependencies = context.fact(Dependencies.FACT);
    for (String driver : DRIVERS) {
      if (dependencies.has(driver)) {
        return Optional.of(
            dependencies
                .where(driver)
                .map(e -> new Evidence(e.path(), e.line(), message(driver)))
                .orElse(Evidence.repository(message(driver))));
      }
    }
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      for (LiteralPair pair : module.literalPairs()) {
        if (pair.key().equals("ENGINE")
            && pair.value() instanceof PyValue.Str s
            && (s.value().contains("postgresql") || s.value().contains("mysql"))) {
          return Optional.of(Evidence.at(module.path(), pair.line(), message(s.value())));
        }
      }
    }
    return Optional.empty();
  }

  private static String message(String what) {
    return what + " needs a database, but no compose service or testcontainers runs one";
  }
}
