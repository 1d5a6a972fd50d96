package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonCodebaseTest {

  @TempDir Path dir;

  @Test
  void sourceModulesAreThePythonFilesOutsideTestCodeInPathOrder() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("src/pkg/b.py", "x = 1\n")
            .file("src/pkg/a.py", "y = 2\n")
            .file("tests/test_a.py", "def test(): pass\n")
            .file("README.md", "# readme\n")
            .build();
    Facts facts = new Facts(RepoSnapshot.of(repo));

    PythonCodebase codebase = PythonCodebase.of(facts);

    assertThat(codebase.sourceModules())
        .extracting(PythonModule::path)
        .containsExactly("src/pkg/a.py", "src/pkg/b.py");
    assertThat(codebase.module("tests/test_a.py"))
        .get()
        .extracting(PythonModule::testCode)
        .isEqualTo(true);
    assertThat(codebase.module("missing.py")).isEmpty();
  }

  @Test
  void everyRuleSharesOneAnalysisPerFile() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", "import requests\n").build();
    Facts facts = new Facts(RepoSnapshot.of(repo));

    PythonModule first = PythonCodebase.of(facts).module("app.py").orElseThrow();
    PythonModule second = PythonCodebase.of(facts).sourceModules().get(0);

    assertThat(second).isSameAs(first);
  }

  @Test
  void filesAreDecodedAsTheirCodingDeclarationSays() {
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    latin1.writeBytes("# coding: latin-1\nNAME = '".getBytes(StandardCharsets.US_ASCII));
    latin1.write(0xE9);
    latin1.writeBytes("'\n".getBytes(StandardCharsets.US_ASCII));
    Path repo = FixtureRepo.in(dir).python().bytes("legacy.py", latin1.toByteArray()).build();

    PythonModule module =
        PythonCodebase.of(new Facts(RepoSnapshot.of(repo))).module("legacy.py").orElseThrow();

    assertThat(module.assignments())
        .singleElement()
        .extracting(Assignment::value)
        .isEqualTo(new PyValue.Str("é"));
  }
}
