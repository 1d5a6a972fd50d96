package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTrainingTest {

  @TempDir Path temp;

  @Test
  void theFirstFolderIsScannedInEveryReportFormatAndEveryOtherFolderOnce() {
    List<String[]> runs = ArchiveTraining.invocations("a", "b", "c");

    for (OutputFormat format : OutputFormat.values()) {
      assertThat(runs)
          .anySatisfy(
              args ->
                  assertThat(args)
                      .containsSubsequence("scan", "a")
                      .containsSubsequence("--format", format.id())
                      .containsSubsequence("--fail-on", "never"));
    }
    assertThat(runs)
        .anySatisfy(args -> assertThat(args).containsSubsequence("--log-format", "json"));
    for (String folder : List.of("b", "c")) {
      assertThat(runs)
          .filteredOn(args -> args.length > 1 && args[1].equals(folder))
          .singleElement()
          .satisfies(args -> assertThat(args).containsSubsequence("--fail-on", "never"));
    }
    assertThat(runs).anySatisfy(args -> assertThat(args).containsExactly("rules"));
  }

  @Test
  void everyTrainingRunIsACommandLineTheCliAccepts() {
    Path repo = FixtureRepo.in(temp.resolve("repo")).python().file("app.py", "x = 1\n").build();

    for (String[] args : ArchiveTraining.invocations(repo.toString())) {
      CliRun.Result result = CliRun.with().run(args);
      assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
    }
  }
}
