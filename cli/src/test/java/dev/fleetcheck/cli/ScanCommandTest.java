package dev.fleetcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.report.ReportSchema;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @TempDir Path temp;
  private Path repo;

  @BeforeEach
  void fixture() {
    repo =
        FixtureRepo.in(temp.resolve("shop-api"))
            .python()
            .file("app.py", "print('hello')\n")
            .git()
            .build();
  }

  @Test
  void compliantScanExitsZeroWithTheReportOnStdoutAndEventsOnStderr() {
    CliRun.Result result =
        CliRun.with().pack(TestRules.passing(TestRules.REQUIRED)).run("scan", repo.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("Repository: shop-api @ ").contains("No rule failed.");
    assertThat(result.out()).doesNotContain("scan.start").doesNotContain(CliRun.RUN_ID);
    assertThat(result.err()).contains("INFO scan.start").contains("INFO scan.end");
    assertThat(result.err()).contains("run_id=" + CliRun.RUN_ID).contains("duration_ms=");
  }

  @Test
  void requiredFailureExitsThreeByDefault() {
    CliRun.Result result =
        CliRun.with().pack(TestRules.failing(TestRules.REQUIRED)).run("scan", repo.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.NON_COMPLIANT);
    assertThat(result.out()).contains("FAIL    required     " + TestRules.REQUIRED);
    assertThat(result.err()).contains("exit_code=3").contains("first_breach=" + TestRules.REQUIRED);
  }

  @Test
  void failOnDecidesWhichLevelsBreakTheBuild() {
    CliRun recommendedFails = CliRun.with().pack(TestRules.failing(TestRules.RECOMMENDED));
    CliRun advisoryFails = CliRun.with().pack(TestRules.failing(TestRules.ADVISORY));
    CliRun requiredFails = CliRun.with().pack(TestRules.failing(TestRules.REQUIRED));
    String path = repo.toString();

    assertThat(recommendedFails.run("scan", path).exit()).isEqualTo(ExitCodes.OK);
    assertThat(recommendedFails.run("scan", path, "--fail-on", "recommended").exit())
        .isEqualTo(ExitCodes.NON_COMPLIANT);
    assertThat(advisoryFails.run("scan", path, "--fail-on", "recommended").exit())
        .isEqualTo(ExitCodes.OK);
    assertThat(requiredFails.run("scan", path, "--fail-on", "never").exit())
        .isEqualTo(ExitCodes.OK);
    assertThat(requiredFails.run("scan", path, "--fail-on", "RECOMMENDED").exit())
        .isEqualTo(ExitCodes.NON_COMPLIANT);
  }

  @Test
  void aCheckThatCrashesIsAnErrorThatCountsAsNonCompliant() {
    CliRun.Result result =
        CliRun.with().pack(TestRules.crashing(TestRules.REQUIRED)).run("scan", repo.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.NON_COMPLIANT);
    assertThat(result.out()).contains("ERROR   required     " + TestRules.REQUIRED);
  }

  @Test
  void jsonReportConformsToTheSchemaAndNamesTheLocalCommit() throws Exception {
    CliRun.Result result =
        CliRun.with()
            .pack(TestRules.failing(TestRules.REQUIRED))
            .run("scan", repo.toString(), "--format", "json");

    assertThat(ReportSchema.violations(result.out())).isEmpty();
    JsonNode json = mapper.readTree(result.out());
    assertThat(json.get("repository").get("name").asText()).isEqualTo("shop-api");
    assertThat(json.get("repository").get("commit").asText()).matches("[0-9a-f]{40}");
    assertThat(json.get("results")).hasSize(314);
    assertThat(json.get("scanned_at").asText()).isEqualTo(FixtureRepo.NOW.toString());
  }

  @Test
  void everyFormatRendersToStdout() throws Exception {
    CliRun cli = CliRun.with().pack(TestRules.failing(TestRules.REQUIRED));
    String path = repo.toString();

    assertThat(mapper.readTree(cli.run("scan", path, "-f", "sarif").out()).get("version").asText())
        .isEqualTo("2.1.0");
    assertThat(cli.run("scan", path, "--format", "csv").out()).startsWith("rule_id,section,");
    assertThat(cli.run("scan", path, "--format", "markdown").out())
        .startsWith("# Fleetcheck report: shop\\-api");
  }

  @Test
  void rulesOptionLimitsTheReportToTheSelectedRules() throws Exception {
    CliRun.Result result =
        CliRun.with()
            .run("scan", repo.toString(), "--format", "json", "--rules", "PY-LCL-*,py-tst-001");

    JsonNode json = mapper.readTree(result.out());
    List<String> ids = new ArrayList<>();
    json.get("results").forEach(r -> ids.add(r.get("rule_id").asText()));
    assertThat(ids)
        .contains("PY-LCL-001", "PY-TST-001")
        .allMatch(id -> id.startsWith("PY-LCL-") || id.equals("PY-TST-001"));
    assertThat(ReportSchema.violations(result.out())).isEmpty();
  }

  @Test
  void gitUrlIsFetchedThroughTheInjectedFetcherAndItsTokenNeverShows() throws Exception {
    CopyingFetcher fetcher =
        new CopyingFetcher(repo, Files.createDirectories(temp.resolve("work")));
    String url = "https://x-access-token:ghs_SeCrEt123@github.com/acme/shop-api.git";

    CliRun.Result result =
        CliRun.with()
            .fetchers(() -> fetcher)
            .pack(TestRules.failing(TestRules.REQUIRED))
            .run("scan", url, "--format", "json", "--verbose");

    assertThat(result.exit()).isEqualTo(ExitCodes.NON_COMPLIANT);
    assertThat(fetcher.requested)
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.url()).isEqualTo(url);
              assertThat(ref.name()).isEqualTo("shop-api");
            });
    assertThat(fetcher.released).hasSize(1);
    assertThat(fetcher.released.get(0)).doesNotExist();
    JsonNode json = mapper.readTree(result.out());
    assertThat(json.get("repository").get("source").asText())
        .isEqualTo("https://github.com/acme/shop-api.git");
    assertThat(json.get("repository").get("commit").asText()).isEqualTo(CopyingFetcher.COMMIT);
    assertThat(ReportSchema.violations(result.out())).isEmpty();
    assertThat(result.out() + result.err()).doesNotContain("SeCrEt");
    assertThat(result.err()).contains("dependency.call").contains("operation=fetch");
  }

  @Test
  void cloneFailureExitsOneWithItsErrorCodeAndNoStackTrace() {
    CliRun.Result result =
        CliRun.with()
            .fetchers(() -> CopyingFetcher.failing(ErrorCode.REPO_NOT_FOUND))
            .run("scan", "git@github.com:acme/missing.git");

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("ERROR command.error")
        .contains("error_code=repo_not_found")
        .contains("could not clone missing")
        .contains("run_id=" + CliRun.RUN_ID)
        .doesNotContain("stack_trace")
        .doesNotContain("\tat ");
  }

  @Test
  void verboseAddsTheStackTraceToErrors() {
    CliRun.Result result =
        CliRun.with()
            .fetchers(() -> CopyingFetcher.failing(ErrorCode.CLONE_TIMEOUT))
            .run("scan", "ssh://git@host/acme/slow.git", "--verbose");

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.err()).contains("error_code=clone_timeout").contains("stack_trace=");
  }

  @Test
  void jsonLogLinesCarryEventsRunIdAndCounts() throws Exception {
    CliRun.Result result =
        CliRun.with()
            .pack(TestRules.failing(TestRules.REQUIRED))
            .run("scan", repo.toString(), "--log-format", "json");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.err().strip().split("\n")) {
      lines.add(mapper.readTree(line));
    }
    assertThat(lines)
        .extracting(l -> l.get("event").asText())
        .containsExactly("scan.start", "scan.end");
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.get("run_id").asText()).isEqualTo(CliRun.RUN_ID));
    JsonNode end = lines.get(1);
    assertThat(end.get("duration_ms").isIntegralNumber()).isTrue();
    assertThat(end.get("fail").asInt()).isEqualTo(1);
    assertThat(end.get("manual").asInt()).isEqualTo(313);
    assertThat(end.get("exit_code").asInt()).isEqualTo(3);
  }

  @Test
  void quietLeavesStderrEmptyOnSuccess() {
    CliRun.Result result =
        CliRun.with()
            .pack(TestRules.passing(TestRules.REQUIRED))
            .run("scan", repo.toString(), "--quiet");

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isNotEmpty();
  }

  @Test
  void outputFileReceivesTheReportAndStdoutStaysEmpty() throws Exception {
    Path file = temp.resolve("report.json");
    Files.writeString(file, "previous");

    CliRun.Result result =
        CliRun.with()
            .pack(TestRules.passing(TestRules.REQUIRED))
            .run("scan", repo.toString(), "--format", "json", "--output", file.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).isEmpty();
    assertThat(ReportSchema.violations(Files.readString(file))).isEmpty();
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void unwritableOutputExitsOneAndLeavesNoFile() {
    Path file = temp.resolve("missing-folder").resolve("report.json");

    CliRun.Result result = CliRun.with().run("scan", repo.toString(), "--output", file.toString());

    assertThat(result.exit()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
    assertThat(result.err()).contains("error_code=output_write_failed").contains("hint=");
    assertThat(file).doesNotExist();
  }

  @Test
  void usageErrorsExitTwoWithAnErrorCodeOnStderr() {
    CliRun cli = CliRun.with();
    String path = repo.toString();

    List<CliRun.Result> results =
        List.of(
            cli.run("scan", path, "--format", "xml"),
            cli.run("scan", path, "--fail-on", "sometimes"),
            cli.run("scan", path, "--no-such-option"),
            cli.run("scan"),
            cli.run("scan", temp.resolve("nowhere").toString()),
            cli.run("scan", path, "--rules", "PY-NOPE-999"),
            cli.run("scan", path, "--verbose", "--quiet"),
            cli.run("scan", path, "--log-format", "yaml"),
            cli.run("frobnicate"));

    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
              assertThat(r.out()).isEmpty();
              assertThat(r.err()).contains("error_code=invalid_argument").contains("--help");
            });
    assertThat(results.get(0).err())
        .contains("'xml' is not one of text, json, sarif, csv, markdown");
    assertThat(results.get(4).err()).contains("no folder at");
    assertThat(results.get(5).err()).contains("no rule matches PY-NOPE-999");
  }

  @Test
  void helpHasCopyPasteExamplesAndExitsZero() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"scan", "--help"},
            new String[] {"rules", "--help"})) {
      CliRun.Result result = CliRun.with().run(args);

      assertThat(result.exit()).isEqualTo(ExitCodes.OK);
      assertThat(result.out()).contains("Examples:").contains("  fleetcheck ");
    }
    assertThat(CliRun.with().run("scan", "--help").out())
        .contains("--format", "--output", "--rules", "--fail-on", "--log-format", "Exit codes:");
  }

  @Test
  void noCommandPrintsUsageOnStderrAndExitsTwo() {
    CliRun.Result result = CliRun.with().run();

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("Usage: fleetcheck");
  }

  @Test
  void versionNamesTheSemanticVersionAndTheCommit() {
    CliRun.Result result = CliRun.with().run("--version");

    assertThat(result.exit()).isEqualTo(ExitCodes.OK);
    assertThat(result.out().strip())
        .matches("fleetcheck \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{40}|unknown)\\)");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "https://git.example.invalid/acme/a.git?access_token=SECRET-VALUE-42",
        "https://git.example.invalid/acme/a.git#SECRET-VALUE-42",
        "https://me:SECRET-VALUE-42@git.example.invalid/acme/a.git",
        "https://SECRET-VALUE-42@git.example.invalid/acme/a.git"
      })
  void aUrlCarryingQueryFragmentOrCredentialsIsRefusedWithoutEchoingThem(String url) {
    for (String logFormat : java.util.List.of("text", "json")) {
      CliRun.Result result =
          CliRun.with()
              .fetchers(dev.fleetcheck.vcs.fetch.GitFetchers.jgit(java.util.Map.of()))
              .run("scan", url, "--log-format", logFormat, "--verbose");
      assertThat(result.exit()).as(result.err()).isEqualTo(ExitCodes.OPERATIONAL_FAILURE);
      assertThat(result.err()).contains("invalid_repo_url");
      assertThat(result.out() + result.err()).doesNotContain("SECRET").doesNotContain("VALUE-42");
    }
  }

  @Test
  void controlCharactersInArgumentsAndRepositoryNamesAreEscapedInTextOutputAndLogs(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws java.io.IOException {
    java.nio.file.Path evil = root.resolve("repo\u001b[31m\u0007");
    dev.fleetcheck.core.testing.FixtureRepo.in(evil).python().build();
    CliRun.Result scan =
        CliRun.with()
            .pack(TestRules.passing(TestRules.REQUIRED))
            .run("scan", evil.toString(), "--log-format", "text", "--verbose");
    assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCodes.OK);
    assertThat(scan.out()).contains("Repository: repo\\x1b[31m\\x07");
    assertThat(scan.err()).contains("repo\\x1b[31m\\x07");

    CliRun.Result usage = CliRun.with().run("scan", ".", "--format", "te\u001b]0;x\u0007xt");
    assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(usage.err()).contains("te\\x1b]0;x\\x07xt");

    CliRun.Result missing = CliRun.with().run("scan", root.resolve("no\u001b[2Jpe").toString());
    assertThat(missing.err()).contains("no\\x1b[2Jpe");
    for (CliRun.Result result : java.util.List.of(scan, usage, missing)) {
      assertThat(result.out() + result.err()).doesNotContain("\u001b", "\u0007");
    }
  }
}
