package dev.fleetcheck.core.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
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

  /** Traps for a shared token stream: strings, comments, multi-line calls, nested defs, CRLF. */
  private static final String TRAPS =
      "import os\r\n"
          + "# def fake(): a comment that looks like code\r\n"
          + "TEXT = \"\"\"def not_a_def():\n    return 1\"\"\"\r\n"
          + "def outer(event):\r\n"
          + "    def inner(x):\r\n"
          + "        try:\r\n"
          + "            return os.environ[\"X\"]\r\n"
          + "        except (KeyError, ValueError) as e:\r\n"
          + "            raise RuntimeError(\r\n"
          + "                'headers[\"X-User\"]',  # not a read\r\n"
          + "                e,\r\n"
          + "            )\r\n"
          + "    return inner(event[\"headers\"].get(\"X-User-Id\"))\r\n"
          + "class C: pass\r\n";

  @Test
  void keptTokensAndBlocksAreThoseOfTokenizingTheTextAgain() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", TRAPS).build();
    PythonCodebase codebase = PythonCodebase.of(new Facts(RepoSnapshot.of(repo)));
    codebase.sourceModules();

    Tokens kept = codebase.tokens("app.py").orElseThrow();
    Tokens fresh = PythonTokenizer.tokenize(TRAPS);

    assertThat(kept.list()).isEqualTo(fresh.list());
    assertThat(codebase.tokens("app.py")).get().isSameAs(kept);
    assertThat(codebase.text("app.py")).contains(TRAPS);
    assertThat(codebase.blocks("app.py").orElseThrow().all())
        .isEqualTo(Blocks.of(fresh).all())
        .extracting(Blocks.Block::name)
        .containsExactly("outer", "inner", "(KeyError, ValueError) as e", "C");
    assertThat(codebase.module("app.py")).contains(ModuleAnalyzer.analyze("app.py", false, TRAPS));
  }

  @Test
  void tokensAskedForBeforeTheAnalysisAreTheOnesItUses() {
    Path repo = FixtureRepo.in(dir).python().file("app.py", TRAPS).build();
    PythonCodebase codebase = PythonCodebase.of(new Facts(RepoSnapshot.of(repo)));

    Tokens first = codebase.tokens("app.py").orElseThrow();

    assertThat(codebase.module("app.py")).contains(ModuleAnalyzer.analyze("app.py", false, TRAPS));
    assertThat(codebase.tokens("app.py")).get().isSameAs(first);
    assertThat(codebase.tokens("missing.py")).isEmpty();
    assertThat(codebase.blocks("missing.py")).isEmpty();
    assertThat(codebase.text("missing.py")).isEmpty();
  }

  @Test
  void theKeptTextIsDecodedAsTheCodingDeclarationSays() {
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    latin1.writeBytes("# coding: latin-1\nNAME = '".getBytes(StandardCharsets.US_ASCII));
    latin1.write(0xE9);
    latin1.writeBytes("'\n".getBytes(StandardCharsets.US_ASCII));
    Path repo = FixtureRepo.in(dir).python().bytes("legacy.py", latin1.toByteArray()).build();
    PythonCodebase codebase = PythonCodebase.of(new Facts(RepoSnapshot.of(repo)));

    String before = codebase.text("legacy.py").orElseThrow();
    codebase.sourceModules();

    assertThat(codebase.text("legacy.py")).contains(before);
    assertThat(before).isEqualTo("# coding: latin-1\nNAME = '\u00e9'\n");
  }

  @Test
  void checksOnSeveralThreadsShareOneAnalysisPerFile() {
    FixtureRepo fixture = FixtureRepo.in(dir).python();
    for (int i = 0; i < 40; i++) {
      fixture.file("pkg/m" + i + ".py", TRAPS);
    }
    PythonCodebase codebase = PythonCodebase.of(new Facts(RepoSnapshot.of(fixture.build())));

    List<PythonModule> seen =
        IntStream.range(0, 400)
            .parallel()
            .mapToObj(i -> codebase.module("pkg/m" + (i % 40) + ".py").orElseThrow())
            .toList();

    for (PythonModule module : seen) {
      assertThat(codebase.module(module.path())).get().isSameAs(module);
    }
    assertThat(codebase.sourceModules()).hasSize(40);
  }
}
