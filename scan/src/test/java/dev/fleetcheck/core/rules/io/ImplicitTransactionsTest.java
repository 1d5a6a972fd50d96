package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitTransactionsTest {

  @TempDir Path dir;

  @Test
  void implicitTransactionsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "site/settings.py",
                """
                DATABASES = {
                    "default": {"ENGINE": "django.db.backends.postgresql", "ATOMIC_REQUESTS": True},
                }
                class Config:
                    SQLALCHEMY_COMMIT_ON_TEARDOWN = True
                """)
            .file("site/other.py", "DATABASES = {'default': {'ATOMIC_REQUESTS': False}}\n")
            .build();

    assertThat(findings(check(new ImplicitTransactions(), repo, Profile.API)))
        .containsExactly(
            "site/settings.py:2: ATOMIC_REQUESTS = True wraps every request in one implicit"
                + " transaction",
            "site/settings.py:5: SQLALCHEMY_COMMIT_ON_TEARDOWN = True wraps every request in one"
                + " implicit transaction");
    Path clean =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("site/settings.py", "# 'ATOMIC_REQUESTS': True\nX = 'ATOMIC_REQUESTS'\n")
            .build();
    assertNoEvidentViolation(check(new ImplicitTransactions(), clean, Profile.API));
  }
}
