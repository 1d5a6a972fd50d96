package dev.fleetcheck.core.facts.pysource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.regex.Pattern;
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
            .file("src/app/api.py", "from  .models import X\nfrom litestar import Litestar\n")
            .file("tests/test_x.py", "import fastapi\n")
            .file("examples/demo.py", "import flask\n")
            .build();
    PythonSources sources = FixtureRepo.context(repo).fact(PythonSources.FACT);
    assertThat(sources.imports("structlog"))
        .contains(Evidence.at("src/app/log.py", 1, "imports structlog.stdlib"));
    assertThat(sources.imports("litestar")).isPresent();
    assertThat(sources.imports("fastapi")).isEmpty();
    assertThat(sources.imports("flask")).isEmpty();
    assertThat(sources.imports("struct")).isEmpty();
    assertThat(sources.find(Pattern.compile("Litestar\\b"), "m"))
        .contains(Evidence.at("src/app/api.py", 2, "m"));
  }
}
