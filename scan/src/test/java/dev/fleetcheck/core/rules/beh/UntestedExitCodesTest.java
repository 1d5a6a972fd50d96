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

class UntestedExitCodesTest {

  @TempDir Path dir;

  private static final String CLI =
      "import sys\nUSAGE = 2\n\ndef main():\n    sys.exit(1)\n    sys.exit(USAGE)\n";

  @Test
  void codesBeyondOneWithoutAnExitStatusTestFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tool/cli.py", CLI)
            .file(
                "tests/test_cli.py",
                "def test_help():\n    # result.exit_code == 2\n    assert 'exit_code'\n")
            .build();

    assertThat(findings(check(new UntestedExitCodes(), repo, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:6: sys.exit(...) exits with 2 but no test asserts an exit status"
                + " (.exit_code, .returncode, excinfo.value.code)");
  }

  @Test
  void aTestReadingTheExitStatusOrOnlyZeroAndOneStayManual() {
    Path tested =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("tool/cli.py", CLI)
            .file(
                "tests/test_cli.py",
                """
                import pytest
                from tool.cli import main

                def test_usage():
                    with pytest.raises(SystemExit) as excinfo:
                        main()
                    assert excinfo.value.code == 2
                """)
            .build();
    Path plain =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("tool/cli.py", "import sys\nsys.exit(0)\nsys.exit(1)\n")
            .build();

    assertNoEvidentViolation(check(new UntestedExitCodes(), tested, Profile.CLI));
    assertNoEvidentViolation(check(new UntestedExitCodes(), plain, Profile.CLI));
  }

  @Test
  void aTestSuiteShippedInThePackageCountsAsTests() {
    Path shipped =
        FixtureRepo.in(dir.resolve("shipped"))
            .python()
            .file("tool/cli.py", CLI)
            .file(
                "tool/testsuite/cli.py",
                """
                import subprocess

                def run(*args, exit_code=0):
                    proc = subprocess.run(["tool", *args])
                    assert proc.returncode == exit_code

                def test_usage():
                    run("--bad", exit_code=2)
                """)
            .build();
    Path helperOnly =
        FixtureRepo.in(dir.resolve("helper"))
            .python()
            .file("tool/cli.py", CLI)
            .file(
                "tool/sanity/importer.py",
                "import subprocess\n\ndef test_python_module(path):\n"
                    + "    return subprocess.run([path]).returncode\n")
            .build();

    assertNoEvidentViolation(check(new UntestedExitCodes(), shipped, Profile.CLI));
    assertThat(findings(check(new UntestedExitCodes(), helperOnly, Profile.CLI)))
        .containsExactly(
            "tool/cli.py:6: sys.exit(...) exits with 2 but no test asserts an exit status"
                + " (.exit_code, .returncode, excinfo.value.code)");
  }
}
