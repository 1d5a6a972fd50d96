package dev.fleetcheck.core.rules.pkg;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnversionedCliTest {

  @TempDir Path dir;
  private final UnversionedCli rule = new UnversionedCli();

  @Test
  void missingOrNonSemanticVersionsFail() {
    Path none =
        FixtureRepo.in(dir.resolve("n"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file("tool/cli.py", "VERSION = get_version()\n")
            .build();
    assertThat(findings(check(rule, none, Profile.CLI)))
        .containsExactly("no package version declared anywhere");

    Path loose =
        FixtureRepo.in(dir.resolve("l"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\nversion = \"1.0\"\n")
            .file("tool/__init__.py", "__version__ = \"v1\"\n")
            .build();
    assertThat(findings(check(rule, loose, Profile.CLI)))
        .containsExactly(
            "pyproject.toml:3: version '1.0' is not MAJOR.MINOR.PATCH",
            "tool/__init__.py:1: version 'v1' is not MAJOR.MINOR.PATCH");
  }

  @Test
  void semanticStaticOrDynamicVersionsStayManual() {
    Path semver =
        FixtureRepo.in(dir.resolve("s"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\nversion = \"2.1.0rc1\"\n")
            .file("tool/__init__.py", "__version__ = '2.1.0-beta.1+build.5'\n")
            .build();
    assertNoEvidentViolation(check(rule, semver, Profile.CLI));

    Path dynamic =
        FixtureRepo.in(dir.resolve("d"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\ndynamic = [\"version\"]\n")
            .build();
    assertNoEvidentViolation(check(rule, dynamic, Profile.CLI));

    Path setup =
        FixtureRepo.in(dir.resolve("p"))
            .python()
            .file("setup.py", "from setuptools import setup\nsetup(name='t', version='0.3.12')\n")
            .build();
    assertNoEvidentViolation(check(rule, setup, Profile.CLI));
  }

  @Test
  void vendoredVersionsEmptyStubsAndChainedVersionsAreReadAsTheyAre() {
    // sqlmap's thirdparty/bottle, yt-dlp's optional-dependency stub, borg's setuptools-scm file.
    Path vendored =
        FixtureRepo.in(dir.resolve("v"))
            .python()
            .file("tool/__init__.py", "__version__ = '1.7.2'\n")
            .file("thirdparty/bottle/bottle.py", "__version__ = '0.13-dev'\n")
            .file("tool/dependencies/crypto.py", "__version__ = ''\n")
            .build();
    assertNoEvidentViolation(check(rule, vendored, Profile.CLI));

    Path chained =
        FixtureRepo.in(dir.resolve("c"))
            .python()
            .file("borg/_version.py", "# generated\n__version__ = version = '1.2.4'\n")
            .build();
    assertNoEvidentViolation(check(rule, chained, Profile.CLI));

    Path chainedLoose =
        FixtureRepo.in(dir.resolve("cl"))
            .python()
            .file("borg/_version.py", "__version__ = version = '1.2'\n")
            .build();
    assertThat(findings(check(rule, chainedLoose, Profile.CLI)))
        .containsExactly("borg/_version.py:1: version '1.2' is not MAJOR.MINOR.PATCH");

    Path onlyVendored =
        FixtureRepo.in(dir.resolve("o"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file("tool/cli.py", "import sys\n")
            .file("tool/_vendor/lib.py", "__version__ = '2.0.0'\n")
            .build();
    assertThat(findings(check(rule, onlyVendored, Profile.CLI)))
        .containsExactly("no package version declared anywhere");
  }

  @Test
  void aVersionComputedOrImportedIsDeclared() {
    // IPython builds __version__ from its parts; barbican asks pbr for it.
    Path parts =
        FixtureRepo.in(dir.resolve("parts"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file(
                "shell/core/release.py",
                "_ver = [8, 12, 3]\n__version__ = '.'.join(map(str, _ver))\n"
                    + "if _extra:\n    __version__ = __version__ + _extra\n")
            .build();
    assertNoEvidentViolation(check(rule, parts, Profile.CLI));

    Path pbr =
        FixtureRepo.in(dir.resolve("pbr"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file(
                "vault/version.py",
                "import pbr.version\n\nversion_info = pbr.version.VersionInfo('vault')\n"
                    + "__version__: str = version_info.release_string()\n")
            .build();
    assertNoEvidentViolation(check(rule, pbr, Profile.CLI));

    Path imported =
        FixtureRepo.in(dir.resolve("imp"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file("tool/__init__.py", "from ._version import version as __version__\n")
            .build();
    assertNoEvidentViolation(check(rule, imported, Profile.CLI));
  }

  @Test
  void aVersionThatIsNoneEmptyOrOnlyReadDeclaresNothing() {
    Path none =
        FixtureRepo.in(dir.resolve("none"))
            .python()
            .file("pyproject.toml", "[project]\nname = \"tool\"\n")
            .file("tool/__init__.py", "__version__ = None\n")
            .file("tool/stub.py", "__version__ = ''\n")
            .file("tool/cli.py", "print(__version__)\nif __version__ == x:\n    pass\n")
            .file("tool/local.py", "def f():\n    return dict(__version__=get())\n")
            .build();
    assertThat(findings(check(rule, none, Profile.CLI)))
        .containsExactly("no package version declared anywhere");
  }
}
