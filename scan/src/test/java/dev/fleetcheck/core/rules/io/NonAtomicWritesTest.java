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

class NonAtomicWritesTest {

  @TempDir Path dir;

  @Test
  void inPlaceWritesFail() {
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
  }

  @Test
  void writesToScratchFilesAreNotOutputFiles() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "tool/out.py",
                """
                import os
                import tempfile
                from pathlib import Path

                def probe(certdir):
                    location = certdir + "/probe.txt"
                    with open(location, "w") as file:
                        file.write("test")
                    os.remove(location)

                def scratch():
                    directory = tempfile.gettempdir()
                    filename = os.path.join(directory, "x")
                    with open(filename, "w+") as handle:
                        yield handle

                def marker(root):
                    with tempfile.TemporaryDirectory() as tmpdir:
                        open(Path(tmpdir) / "probe", "w").close()
                    py_typed = Path(root) / "py.typed"
                    py_typed.write_text("")
                    py_typed.unlink()

                def save(path, template_path, data):
                    with open(path, "w") as f:
                        f.write(data)
                    open(template_path, "w").write(data)

                def quiet():
                    with open(os.devnull, "w") as null_stream:
                        null_stream.write("")
                    return open(os.devnull, "w+")
                """)
            .build();

    assertThat(findings(check(new NonAtomicWrites(), repo, Profile.CLI)))
        .containsExactly(
            "tool/out.py:25: open(...) writes in place: no temp file renamed into place",
            "tool/out.py:27: open(...) writes in place: no temp file renamed into place");
  }
}
