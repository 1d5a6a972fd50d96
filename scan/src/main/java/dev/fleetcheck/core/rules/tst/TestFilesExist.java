package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;

/**
 * PY-TST-001: the repository has tests at all. Any test code counts (RULES.md, "Decisions": files
 * under a {@code tests/} or {@code test/} folder at any depth, {@code test_*.py}, {@code
 * *_test.py}, {@code tests.py}, {@code conftest.py}).
 */
public final class TestFilesExist implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-TST-001",
              Profile.PYTHON,
              "Add tests under tests/ (test_*.py files run by pytest), mostly fast unit tests, some"
                  + " integration tests and a few end-to-end tests of critical journeys.")
          .defined(
              "PASS when at least one test file exists (`test_*.py`, `*_test.py`, or "
                  + "files under `tests/`), else FAIL.",
              Effort.HIGH);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<SourceFile> tests =
        context.snapshot().files().stream().filter(SourceFile::testCode).toList();
    if (tests.isEmpty()) {
      return Outcome.fail(
          Evidence.repository(
              "no test files: no test_*.py, *_test.py, tests.py or conftest.py, and no tests/ or"
                  + " test/ folder"));
    }
    long python = tests.stream().filter(SourceFile::isPython).count();
    SourceFile first = tests.stream().filter(SourceFile::isPython).findFirst().orElse(tests.get(0));
    return Outcome.pass(
        Evidence.file(
            first.path(),
            tests.size()
                + " test file"
                + (tests.size() == 1 ? "" : "s")
                + " ("
                + python
                + " Python)"));
  }
}
