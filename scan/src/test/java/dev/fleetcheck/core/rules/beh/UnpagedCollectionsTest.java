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

class UnpagedCollectionsTest {

  @TempDir Path dir;

  @Test
  void listRoutesWithoutPagingFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from typing import List
                from fastapi import FastAPI

                app = FastAPI()

                @app.get("/items", response_model=list[Item])
                def items(db=None):
                    return db.query(Item).all()

                @app.get("/users")
                async def users(db=None) -> List[User]:
                    return await db.all()
                """)
            .build();

    assertThat(findings(check(new UnpagedCollections(), repo, Profile.API)))
        .containsExactly(
            "app/api.py:6: GET /items returns a whole collection: no limit, offset, page or cursor",
            "app/api.py:10: GET /users returns a whole collection: no limit, offset, page or"
                + " cursor");
  }

  @Test
  void pagedListsSingleItemsAndWritesStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import FastAPI
                from fastapi_pagination import Page, paginate

                app = FastAPI()

                @app.get("/items", response_model=list[Item])
                def items(limit: int = 50, offset: int = 0):
                    return query(limit, offset)

                @app.get("/pages", response_model=Page[Item])
                def pages():
                    return paginate(all_items())

                @app.get("/items/{id}", response_model=Item)
                def item(id: int):
                    return get(id)

                @app.post("/items/bulk", response_model=list[Item])
                def bulk(items: list[Item]):
                    return save(items)
                """)
            .build();

    assertNoEvidentViolation(check(new UnpagedCollections(), repo, Profile.API));
  }
}
