package dev.fleetcheck.core.facts.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandTest {

  private static List<List<String>> words(String script) {
    return ShellCommand.parse(script).stream().map(ShellCommand::words).toList();
  }

  @Test
  void splitsOnOperatorsAndNewlines() {
    assertThat(words("pip install -e . && ruff check src; pytest -q || exit 1\nmake test"))
        .containsExactly(
            List.of("pip", "install", "-e", "."),
            List.of("ruff", "check", "src"),
            List.of("pytest", "-q"),
            List.of("exit", "1"),
            List.of("make", "test"));
  }

  @Test
  void joinsContinuationLinesAndDropsComments() {
    assertThat(words("uv run \\\n  pytest -x  # fast\n# ruff check\n"))
        .containsExactly(List.of("uv", "run", "pytest", "-x"));
  }

  @Test
  void recordsTheLineEachCommandStartsOn() {
    assertThat(ShellCommand.parse("pip install . \\\n  -U\n\npytest && ruff check ."))
        .extracting(ShellCommand::program, ShellCommand::lineOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pip", 0),
            org.assertj.core.groups.Tuple.tuple("pytest", 3),
            org.assertj.core.groups.Tuple.tuple("ruff", 3));
  }

  @Test
  void removesQuotesAndKeepsQuotedHashes() {
    assertThat(words("python -m pytest -k 'not slow and #x' \"tests/unit\""))
        .containsExactly(List.of("python", "-m", "pytest", "-k", "not slow and #x", "tests/unit"));
  }

  @Test
  void skipsShellKeywordsInFrontOfACommand() {
    assertThat(words("if true; then ruff format --check .; fi"))
        .containsExactly(List.of("true"), List.of("ruff", "format", "--check", "."), List.of("fi"));
  }

  @Test
  void programIsTheFirstWordWithoutItsFolder() {
    assertThat(ShellCommand.parse("/usr/bin/make lint").get(0).program()).isEqualTo("make");
    assertThat(ShellCommand.parse("   ")).isEmpty();
  }
}
