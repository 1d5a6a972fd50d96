package dev.fleetcheck.core.facts.pysource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonSourcesTest {

  @Test
  void commentsAreBlankedButStringsKept() {
    String code = "x = '# not a comment'  # a comment\ns = \"\"\"doc # kept\n\"\"\"\n";
    assertThat(PythonSources.withoutComments(code))
        .isEqualTo("x = '# not a comment'             \ns = \"\"\"doc # kept\n\"\"\"\n");
  }

  @Test
  void importsOfProductCodeOnly(@TempDir Path dir) {
    var repo =
        FixtureRepo.in(dir)
            .python()
            .file("src/app/log.py", "import os, structlog.stdlib\n# import fastapi\n")
            .file(
                "src/app/api.py",
                "from  .models import X\nfrom litestar import Litestar\nimport os\n")
            .file("tests/test_x.py", "import fastapi\n")
            .file("examples/demo.py", "import flask\n")
            .build();
    PythonSources sources = FixtureRepo.context(repo).fact(PythonSources.FACT);
    assertThat(sources.imports("structlog"))
        .contains(Evidence.at("src/app/log.py", 1, "imports structlog.stdlib"));
    assertThat(sources.imports("litestar"))
        .contains(Evidence.at("src/app/api.py", 2, "imports litestar"));
    // The first file in path order that imports a module is its evidence, at its line there.
    assertThat(sources.imports("os")).contains(Evidence.at("src/app/api.py", 3, "imports os"));
    assertThat(sources.imports("fastapi")).isEmpty();
    assertThat(sources.imports("flask")).isEmpty();
    assertThat(sources.imports("struct")).isEmpty();
    assertThat(sources.find(Pattern.compile("Litestar\\b"), "m"))
        .contains(Evidence.at("src/app/api.py", 2, "m"));
  }

  @Test
  void textWithoutCommentsIsReturnedAsItIs() {
    String code = "x = '# in a string'\n";
    assertThat(PythonSources.withoutComments(code)).isSameAs(code);
  }

  @Test
  void findWithALiteralSearchesOnlyFilesHoldingIt(@TempDir Path dir) {
    var repo =
        FixtureRepo.in(dir)
            .python()
            .file("src/app/a.py", "# cold_start = True\nflag = 1\n")
            .file("src/app/b.py", "import os\n\nLOG.info('cold_start', cold_start=True)\n")
            .build();
    PythonSources sources = FixtureRepo.context(repo).fact(PythonSources.FACT);
    Pattern coldStart = Pattern.compile("\\bcold_start\\b");

    assertThat(sources.find("cold_start", coldStart, "m"))
        .contains(Evidence.at("src/app/b.py", 3, "m"))
        .isEqualTo(sources.find(coldStart, "m"));
    assertThat(sources.find("warm_start", Pattern.compile("start"), "m")).isEmpty();
  }

  @Property(tries = 2000)
  void blanksCommentsAsTheCharacterByCharacterCopyDid(@ForAll("python") String code) {
    assertThat(PythonSources.withoutComments(code)).isEqualTo(reference(code));
  }

  @Property(tries = 2000)
  void collectsTheImportsAFullRegexSearchFinds(@ForAll("statements") String code) {
    Map<String, Integer> found = new LinkedHashMap<>();
    PythonSources.collectImports(code, found);

    assertThat(found).containsExactlyEntriesOf(referenceImports(code));
  }

  @Provide
  Arbitrary<String> statements() {
    return Arbitraries.of(
            "import os",
            "import a.b, c",
            "from x.y import z",
            "from .rel import q",
            "reimport r",
            "xfrom s import t",
            " ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\u2028",
            "\u0085",
            ",",
            "=")
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }

  /** The import search as it was: each pattern's {@code find()} over the whole code. */
  private static Map<String, Integer> referenceImports(String code) {
    Pattern plainImport =
        Pattern.compile(
            "^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)", Pattern.MULTILINE);
    Pattern fromImport =
        Pattern.compile("^[ \\t]*from[ \\t]+([\\w.]+)[ \\t]+import\\b", Pattern.MULTILINE);
    Map<String, Integer> imports = new LinkedHashMap<>();
    Matcher plain = plainImport.matcher(code);
    while (plain.find()) {
      for (String module : plain.group(1).split(",")) {
        referenceRecord(module.strip(), plain.start(1), imports);
      }
    }
    Matcher from = fromImport.matcher(code);
    while (from.find()) {
      referenceRecord(from.group(1), from.start(1), imports);
    }
    return imports;
  }

  private static void referenceRecord(String module, int offset, Map<String, Integer> imports) {
    if (!module.isEmpty() && !module.startsWith(".")) {
      imports.putIfAbsent(module, offset);
    }
  }

  @Provide
  Arbitrary<String> python() {
    return Arbitraries.of(
            "x = 1", "#", "# note", "'", "\"", "\"\"\"", "'''", "\\", "\n", "\r\n", " ", "é",
            "\u2028")
        .list()
        .ofMaxSize(50)
        .map(parts -> String.join("", parts));
  }

  /** The comment blanking as it was: a character-by-character copy. */
  private static String reference(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int end = referenceEndOfString(text, i);
        out.append(text, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int referenceEndOfString(String text, int start) {
    char quote = text.charAt(start);
    boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
    int i = start + (triple ? 3 : 1);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (!triple && c == '\n') {
        return i;
      }
      if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
        return i + (triple ? 3 : 1);
      }
      i++;
    }
    return text.length();
  }
}
