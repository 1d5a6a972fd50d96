package dev.fleetcheck.core.rules.tui;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnconfirmedDestructionTest {

  @TempDir Path dir;

  private static final String DESTROYING =
      """
      import os
      import shutil
      import tempfile
      import boto3
      from pathlib import Path

      def purge(target, conn):
          shutil.rmtree(target)
          Path(target).unlink()
          boto3.client("s3").delete_bucket(Bucket=target)
          conn.execute("DROP TABLE users")
          scratch = tempfile.mkdtemp()
          shutil.rmtree(scratch)
          os.remove(cache_file)
      """;

  @Test
  void anAliasedDeletionIsStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/purge.py",
                "from shutil import rmtree as nuke\n\ndef purge(target):\n    nuke(target)\n")
            .build();

    assertThat(findings(check(new UnconfirmedDestruction(), repo, Profile.CLI)))
        .containsExactly(
            "tool/purge.py:4: nuke deletes without asking and the CLI has no --yes/--force");
  }

  @Test
  void deletionsWithoutConfirmationOrYesFail() {
    Path repo = FixtureRepo.in(dir).python().file("tool/purge.py", DESTROYING).build();

    assertThat(findings(check(new UnconfirmedDestruction(), repo, Profile.CLI)))
        .containsExactly(
            "tool/purge.py:8: shutil.rmtree deletes without asking and the CLI has no"
                + " --yes/--force",
            "tool/purge.py:9: Path().unlink deletes without asking and the CLI has no"
                + " --yes/--force",
            "tool/purge.py:10: boto3.client().delete_bucket destroys cloud resources"
                + " without asking",
            "tool/purge.py:11: SQL DROP runs without asking");
  }

  @Test
  void aConfirmationOrForceOptionStaysManual() {
    Path confirmed =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/cli.py",
                "import typer\n\ndef main():\n    typer.confirm('Sure?', abort=True)\n")
            .build();
    Path forced =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/cli.py",
                "import argparse\np = argparse.ArgumentParser()\np.add_argument('--force',"
                    + " action='store_true')\n")
            .build();

    assertNoEvidentViolation(check(new UnconfirmedDestruction(), confirmed, Profile.CLI));
    assertNoEvidentViolation(check(new UnconfirmedDestruction(), forced, Profile.CLI));
  }

  @Test
  void whatTheToolMadeItselfIsNotAFinding() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/clean.py",
                """
                import os
                import pathlib
                import shutil
                import subprocess
                import tempfile
                from pathlib import Path

                def render(source):
                    workdir = Path(tempfile.mkdtemp())
                    try:
                        return source
                    finally:
                        shutil.rmtree(workdir)

                def rewrite(path):
                    with tempfile.NamedTemporaryFile(delete=False) as dest:
                        dest_path = pathlib.Path(dest.name)
                    dest_path.unlink(missing_ok=True)

                def scratch_file(name):
                    open(name, "w", encoding="utf-8").close()
                    try:
                        yield
                    finally:
                        os.unlink(name)

                def stamp(root):
                    marker = Path(root) / "py.typed"
                    marker.write_text("")
                    marker.unlink()

                def atexit(self):
                    for tfile in self.tempfiles:
                        tfile.unlink()

                def sign(certdir):
                    csr = certdir + "/server.csr"
                    subprocess.run(["openssl", "req", "-out", csr])
                    os.remove(csr)

                def link(dst):
                    new_dst = dst + "-temp-1"
                    os.remove(new_dst)

                class Files:
                    def __init__(self):
                        self.rootdir = tempfile.mkdtemp()

                    def remove_all(self):
                        shutil.rmtree(self.rootdir)
                """)
            .build();

    assertNoEvidentViolation(check(new UnconfirmedDestruction(), repo, Profile.CLI));
  }

  @Test
  void whatAnotherFunctionMadeOrThisOneOnlyReadStillFails() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/clean.py",
                """
                import os
                import tempfile

                def create(name):
                    open(name, "w").close()

                def drop(name):
                    os.remove(name)

                def consume(name):
                    with open(name) as f:
                        f.read()
                    os.remove(name)

                def forget(paths, scratch):
                    for path in paths:
                        os.remove(path)
                    os.remove(scratch.name)
                """)
            .build();

    assertThat(findings(check(new UnconfirmedDestruction(), repo, Profile.CLI)))
        .containsExactly(
            "tool/clean.py:8: os.remove deletes without asking and the CLI has no --yes/--force",
            "tool/clean.py:13: os.remove deletes without asking and the CLI has no --yes/--force",
            "tool/clean.py:17: os.remove deletes without asking and the CLI has no --yes/--force",
            "tool/clean.py:18: os.remove deletes without asking and the CLI has no --yes/--force");
  }

  @Test
  void aTraitletsFlagOrAnArgumentTableForceStaysManual() {
    Path traitlets =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/app.py",
                """
                from traitlets import Bool, Dict
                from traitlets.config.application import Application

                class Clear(Application):
                    force = Bool(False, help="Don't prompt.")
                    flags = Dict(dict(force=({"Clear": {"force": True}}, force.help)))
                """)
            .build();
    Path table =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/commands.py",
                "FORCE = {'name': 'force', 'action': 'store_true', 'help_text': 'Delete all.'}\n")
            .build();
    Path notAFlag =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("tool/purge.py", DESTROYING)
            .file(
                "tool/commands.py",
                "FORCE = {'name': 'force', 'type': 'string'}\nsettings = dict(force=1)\n")
            .build();

    assertNoEvidentViolation(check(new UnconfirmedDestruction(), traitlets, Profile.CLI));
    assertNoEvidentViolation(check(new UnconfirmedDestruction(), table, Profile.CLI));
    assertThat(findings(check(new UnconfirmedDestruction(), notAFlag, Profile.CLI))).hasSize(4);
  }
}
