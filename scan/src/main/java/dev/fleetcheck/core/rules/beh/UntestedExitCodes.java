package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.PythonTokenizer;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-007 (assisted): the CLI exits with a code other than 0 and 1 ({@link ExitSites}) and no
 * test reads an exit status: {@code .exit_code} (click/typer runners), {@code .returncode}
 * (subprocess), {@code .code} of a caught {@code SystemExit} or {@code excinfo.value.code}, in test
 * code or in a test suite shipped in the package (a module defining {@code test_*} functions in a
 * folder named {@code test*}). Read from code tokens of test files, so a comment or string never
 * counts.
 */
public final class UntestedExitCodes implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-007",
              Set.of(Profile.CLI),
              "Test the exit codes automation relies on, e.g. assert result.exit_code == 2 with"
                  + " CliRunner or pytest.raises(SystemExit) and excinfo.value.code == 3.")
          .defined(
              "FAIL when CLI code exits with a literal status (or module int constant) other than"
                  + " 0 and 1 and no test file reads an exit status (.exit_code, .returncode,"
                  + " excinfo.value.code, SystemExit ... .code); a module defining test_* functions"
                  + " in a folder named test* inside the package (borg/testsuite/) is a test file."
                  + " NOT_APPLICABLE without product"
                  + " code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    if (PythonCodebase.of(context.facts()).productModules().isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    Optional<ExitSite> first =
        context.fact(ExitSites.FACT).stream()
            .filter(s -> s.code().isPresent() && s.code().getAsInt() != 0)
            .filter(s -> s.code().getAsInt() != 1)
            .findFirst();
    if (first.isEmpty() || testsReadExitStatus(context) || shippedTestsReadExitStatus(context)) {
      return Outcome.noEvidentViolation();
    }
    ExitSite site = first.get();
    return Outcome.fail(
        Evidence.at(
            site.path(),
            site.line(),
            site.form()
                + " exits with "
                + site.code().getAsInt()
                + " but no test asserts an exit status (.exit_code, .returncode,"
                + " excinfo.value.code)"));
  }

  private static boolean testsReadExitStatus(RuleContext context) {
    for (SourceFile file : context.snapshot().files()) {
      if (!file.isPython() || !file.testCode() || file.binary()) {
        continue;
      }
      Optional<String> text = context.snapshot().readText(file.path());
      if (text.isPresent()
          && (text.get().contains("exit_code")
              || text.get().contains("returncode")
              || text.get().contains(".code"))
          && readsStatus(PythonTokenizer.tokenize(text.get()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A test suite shipped inside the package (borg/testsuite/) is product code by path, yet its
   * modules are tests: a product module in a folder whose name starts with {@code test} that
   * defines {@code test_*} functions and reads an exit status counts as a test doing so. A tool's
   * own {@code test_python_module} elsewhere (ansible-test) is no test.
   */
  private static boolean shippedTestsReadExitStatus(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    for (PythonModule module : codebase.productModules()) {
      if (module.mentionsAny(STATUS_NAMES)
          && inTestFolder(module.path())
          && module.functions().stream().anyMatch(f -> f.name().startsWith("test_"))
          && codebase.tokens(module.path()).map(UntestedExitCodes::readsStatus).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inTestFolder(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].startsWith("test")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> STATUS_NAMES = Set.of("exit_code", "returncode", "code");

  static boolean readsStatus(Tokens t) {
    boolean systemExit = false;
    boolean code = false;
    for (int i = 1; i < t.size(); i++) {
      if (!t.isName(i)) {
        continue;
      }
      boolean attribute = t.isOp(i - 1, '.');
      if (attribute && (t.is(i, "exit_code") || t.is(i, "returncode"))) {
        return true;
      }
      if (attribute && t.is(i, "code")) {
        if (t.is(i - 2, "value")) {
          return true;
        }
        code = true;
      }
      systemExit |= t.is(i, "SystemExit");
    }
    return systemExit && code;
  }
}
