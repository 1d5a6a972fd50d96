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

class WritingReadRoutesTest {

  @TempDir Path dir;

  @Test
  void getRoutesThatWriteAndVerbPathsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/api.py",
                """
                from fastapi import APIRouter
                import boto3

                router = APIRouter()
                table = boto3.resource("dynamodb").Table("t")

                @router.get("/items/{item_id}/touch")
                def touch(item_id: str, db=None):
                    item = db.get(item_id)
                    db.session.commit()
                    return item

                @router.post("/items/create")
                def create(body: dict):
                    table.put_item(Item=body)

                @router.get("/items")
                def items():
                    return table.scan()["Items"]
                """)
            .file(
                "app/web.py",
                """
                from flask import Flask
                app = Flask(__name__)

                @app.route("/visit")
                def visit():
                    Visit.objects.create(page="home")
                    return "ok"
                """)
            .build();

    assertThat(findings(check(new WritingReadRoutes(), repo, Profile.API)))
        .containsExactly(
            "app/api.py:10: GET route touch writes (db.session.commit): use POST, PUT, PATCH or"
                + " DELETE",
            "app/api.py:13: route path /items/create carries the verb 'create': let the HTTP"
                + " method say it",
            "app/web.py:6: GET route visit writes (Visit.objects.create): use POST, PUT, PATCH or"
                + " DELETE");
  }

  @Test
  void writesUnderWriteMethodsAndReadsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/web.py",
                """
                from flask import Flask
                app = Flask(__name__)

                @app.route("/items", methods=["POST"])
                def add():
                    db.session.add(Item())
                    db.session.commit()

                @app.get("/items/{id}")
                def show(id):
                    cache.delete(id)
                    data = {}
                    data.update(a=1)
                    return data

                def helper():
                    db.session.commit()
                """)
            .build();

    assertNoEvidentViolation(check(new WritingReadRoutes(), repo, Profile.API));
  }
}
