package dev.fleetcheck.core.facts.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileAndIgnoreTest {

  @Test
  void joinsContinuationsSkipsCommentsAndHeredocs() {
    String text =
        """
        # syntax=docker/dockerfile:1
        FROM python:3.12-slim AS base
        RUN <<EOF
        ENV NOT_AN_INSTRUCTION=1
        EOF
        ENV A=1 \\
            # comment inside continuation
            B=2
        copy . /app
        """;
    assertThat(Dockerfile.parse(text))
        .containsExactly(
            new DockerInstruction("FROM", "python:3.12-slim AS base", 2),
            new DockerInstruction("RUN", "<<EOF", 3),
            new DockerInstruction("ENV", "A=1 B=2", 6),
            new DockerInstruction("COPY", ". /app", 9));
  }

  @Test
  void honoursEscapeDirective() {
    String text = "# escape=`\nFROM x\nRUN echo a `\n  b\n";
    assertThat(Dockerfile.parse(text))
        .extracting(DockerInstruction::arguments)
        .contains("echo a b");
  }

  @Test
  void dockerignoreLastMatchWinsAndFoldersCoverContents() {
    DockerIgnore ignore =
        DockerIgnore.parse("# secrets\n*.pem\nconfig\n!config/public.pem\n**/.env\n");
    assertThat(ignore.excludes("server.pem")).isTrue();
    assertThat(ignore.excludes("keys/server.pem")).isFalse();
    assertThat(ignore.excludes("config/private.pem")).isTrue();
    assertThat(ignore.excludes("config/public.pem")).isFalse();
    assertThat(ignore.excludes("a/b/.env")).isTrue();
    assertThat(ignore.excludes(".env")).isTrue();
    assertThat(DockerIgnore.none().excludes(".env")).isFalse();
  }
}
