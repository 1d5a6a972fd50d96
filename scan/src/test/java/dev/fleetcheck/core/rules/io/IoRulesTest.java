package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.code.FrameworkObjectsAtEdges;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoRulesTest {

  @TempDir Path dir;

  @Test
  void inPlaceWritesFailAndPartialOutputGivesWayToThem() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                """
                from pathlib import Path
                MODE = "wb"
                def save(path, data):
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(data)
                    open(path, MODE).write(b"")
                    Path(path).write_text(data)
                    open(path).read()
                    open(path, mode="a").write(data)
                """)
            .file("tests/test_out.py", "open('x', 'w')\n")
            .build();

    assertThat(findings(check(new NonAtomicWrites(), repo, Profile.CLI)))
        .containsExactly(
            "tool/out.py:4: open(...) writes in place: no temp file renamed into place",
            "tool/out.py:6: open(...) writes in place: no temp file renamed into place",
            "tool/out.py:7: Path().write_text(...) writes in place: no temp file renamed into"
                + " place");
    Outcome derived = check(new PartialOutput(), repo, Profile.CLI);
    assertThat(derived.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(derived.toString()).contains("same obligation as PY-IO-001").contains("FAIL, 3");
  }

  @Test
  void writesRenamedIntoPlaceStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                """
                import os, tempfile
                def save(path, data):
                    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
                    with open(tmp, "w") as f:
                        f.write(data)
                    os.replace(tmp, path)
                """)
            .file("tool/other.py", "def w(p):\n    open(p, 'w').write('x')\n")
            .build();

    assertNoEvidentViolation(check(new NonAtomicWrites(), repo, Profile.CLI));
    assertThat(check(new PartialOutput(), repo, Profile.CLI).toString()).contains("MANUAL");
  }

  @Test
  void unsortedListingsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os, glob
                from pathlib import Path
                def names(d):
                    for name in os.listdir(d):
                        print(name)
                    rows = [p.name for p in Path(d).glob("*.csv")]
                    return glob.glob(d + "/*")
                def walk(d):
                    for root, dirs, files in os.walk(d):
                        yield root
                """)
            .build();

    assertThat(findings(check(new UnsortedListings(), repo)))
        .containsExactly(
            "pkg/walk.py:4: os.listdir(...) is used in file-system order: sort it",
            "pkg/walk.py:6: Path().glob(...) is used in file-system order: sort it",
            "pkg/walk.py:7: glob.glob(...) is used in file-system order: sort it",
            "pkg/walk.py:9: os.walk(...) is used in file-system order: sort it");
  }

  @Test
  void sortedOrderFreeAndMembershipListingsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "pkg/walk.py",
                """
                import os
                from pathlib import Path
                def names(d):
                    for name in sorted(os.listdir(d)):
                        print(name)
                    if "x" in os.listdir(d):
                        pass
                    n = len([p for p in Path(d).iterdir()])
                    ok = any(p.suffix == ".py" for p in Path(d).rglob("*"))
                    files = os.listdir(d)
                    files.sort()
                    s = "for f in os.listdir(d)"
                    for root, dirs, fs in os.walk(d):
                        dirs.sort()
                """)
            .build();

    assertNoEvidentViolation(check(new UnsortedListings(), repo));
  }

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

  @Test
  void frameworkObjectsInBusinessModulesFailAndCode009GivesWay() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/services/orders.py",
                "from fastapi import Request, Depends\nfrom starlette.responses import JSONResponse\n")
            .file("app/crud.py", "from django.http import HttpRequest\n")
            .file("app/routes.py", "from fastapi import Request\n")
            .file("app/services/pure.py", "from fastapi import Depends\n")
            .build();

    assertThat(findings(check(new FrameworkObjectsInDomain(), repo, Profile.API)))
        .containsExactly(
            "app/crud.py: business-layer module imports framework objects: django.http.HttpRequest",
            "app/services/orders.py: business-layer module imports framework objects:"
                + " fastapi.Request, starlette.responses.JSONResponse");
    Outcome code009 = check(new FrameworkObjectsAtEdges(), repo, Profile.API);
    assertThat(code009.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(code009.toString()).contains("same obligation as PY-IO-008").contains("FAIL, 2");

    Path clean =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("app/routes.py", "from fastapi import Request\n")
            .file("tests/services/test_x.py", "from fastapi import Request\n")
            .build();
    assertNoEvidentViolation(check(new FrameworkObjectsInDomain(), clean, Profile.API));
  }
}
