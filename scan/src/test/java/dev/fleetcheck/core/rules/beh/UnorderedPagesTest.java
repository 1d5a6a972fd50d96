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

class UnorderedPagesTest {

  @TempDir Path dir;

  @Test
  void pagedQueriesWithoutOrderFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/store.py",
                """
                from sqlalchemy import select
                from django.core.paginator import Paginator

                def page(session, n):
                    stmt = (
                        select(Item)
                        .where(Item.active)
                        .offset(n * 20)
                        .limit(20)
                    )
                    rows = session.query(Item).filter(Item.a == 1).limit(10).all()
                    return Paginator(Item.objects.filter(active=True), 20)
                """)
            .build();

    assertThat(findings(check(new UnorderedPages(), repo, Profile.API)))
        .containsExactly(
            "app/store.py:9: query pages with .limit() but never orders: pages may repeat or skip"
                + " rows",
            "app/store.py:11: query pages with .limit() but never orders: pages may repeat or"
                + " skip rows",
            "app/store.py:12: Paginator pages a queryset that has no order_by");
  }

  @Test
  void orderedQueriesAndOtherLimitsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/store.py",
                """
                from sqlalchemy import select
                from django.core.paginator import Paginator

                def page(session, n):
                    stmt = select(Item).order_by(Item.id).offset(n).limit(20)
                    rows = session.query(Item).limit(10).order_by(Item.id).all()
                    later = stmt.limit(5)
                    resource.limit(3)
                    return Paginator(Item.objects.order_by("id"), 20)
                """)
            .file(
                "app/models.py", "class Item(Model):\n    class Meta:\n        ordering = ['id']\n")
            .build();

    assertNoEvidentViolation(check(new UnorderedPages(), repo, Profile.API));
  }
}
