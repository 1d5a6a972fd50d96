package dev.fleetcheck.core.rules.ctr;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleUsageExamplesTest {

  @TempDir Path dir;

  private static final String PYPROJECT =
      "[project]\nname = \"synctool\"\n\n[project.scripts]\nsynctool = \"synctool.cli:main\"\n";
  private static final String CLI =
      """
      import argparse

      parser = argparse.ArgumentParser()
      parser.add_argument("--verbose", action="store_true")
      parser.add_argument("--output", "-o")
      """;

  @Test
  void examplesWithUndeclaredOptionsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pyproject.toml", PYPROJECT)
            .file("synctool/cli.py", CLI)
            .file("synctool/__main__.py", "from synctool.cli import main\nmain()\n")
            .file(
                "README.md",
                """
                # synctool

                ```console
                $ synctool --verbose --out result.json --dry-run
                $ pip install --upgrade synctool
                ```

                ```bash
                python -m synctool --output x \\
                    --force
                ```

                ```python
                synctool --nothing
                ```
                """)
            .build();

    assertThat(findings(check(new StaleUsageExamples(), repo, Profile.CLI)))
        .containsExactly(
            "README.md:4: example uses --dry-run, which no CLI command declares",
            "README.md:9: example uses --force, which no CLI command declares");
  }

  @Test
  void examplePagesAreTheReadmeAndDocsTextPagesWithAFenceInFileOrder() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("pyproject.toml", PYPROJECT)
            .file("synctool/cli.py", CLI)
            .file(
                "README.md",
                "# synctool — schnell, größer\n\n```\nsynctool --schnell größer\n```\n")
            .file("docs/guide/usage.markdown", "~~~shell\nsynctool --zap\n~~~\n")
            .file("docs/notes.rst", "```\nsynctool --rst\n```\n")
            .file("docs/plain.md", "synctool --unfenced\n")
            .file("sub/README.md", "```\nsynctool --nested\n```\n")
            .build();

    assertThat(findings(check(new StaleUsageExamples(), repo, Profile.CLI)))
        .containsExactly(
            "README.md:4: example uses --schnell, which no CLI command declares",
            "docs/guide/usage.markdown:2: example uses --zap, which no CLI command declares");
  }

  @Test
  void declaredOptionsOtherToolsAndBuiltNamesStayManual() {
    Path current =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file("pyproject.toml", PYPROJECT)
            .file("synctool/cli.py", CLI)
            .file(
                "docs/usage.md",
                "```sh\nsynctool --output out.json --verb\nsynctool --help\nmake test --jobs\n```\n")
            .build();
    Path built =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("pyproject.toml", PYPROJECT)
            .file("synctool/cli.py", CLI + "for name in NAMES:\n    parser.add_argument(name)\n")
            .file("README.md", "```\nsynctool --anything\n```\n")
            .build();

    assertNoEvidentViolation(check(new StaleUsageExamples(), current, Profile.CLI));
    assertNoEvidentViolation(check(new StaleUsageExamples(), built, Profile.CLI));
  }

  @Test
  void examplesAreReadOnlyInsideBacktickOrTildeShellFences() {
    Set<String> commands = Set.of("tool");
    Set<String> declared = Set.of("--yes");

    assertThat(
            StaleUsageExamples.examples(
                    "README.md",
                    "Run:\n~~~console\n$ tool --nope\n~~~\n\n```\ntool --yes --gone\n```\n",
                    commands,
                    declared)
                .stream()
                .map(e -> e.line() + " " + e.message()))
        .containsExactly(
            "3 example uses --nope, which no CLI command declares",
            "7 example uses --gone, which no CLI command declares");
    assertThat(StaleUsageExamples.examples("README.md", "tool --nope\n", commands, declared))
        .isEmpty();
  }
}
