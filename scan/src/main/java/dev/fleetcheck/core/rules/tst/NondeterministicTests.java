package dev.fleetcheck.core.rules.tst;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.ext.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PY-TST-002 (assisted): tests that depend on a shared temp path or unseeded randomness. Network
 * calls in unit tests are PY-LCL-026's findings and are scored there only. A {@code "/tmp/..."}
 * literal inside a test def decorated with {@code mock.patch} is a value handed to the mocks (an
 * argument the patched command must receive, barbican's {@code --log-file /tmp/whatevs}), not a
 * write, unless it goes straight to a file call ({@code open}, {@code Path}, ...).
 */
public final class NondeterministicTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TST-002",
              Set.of(Profile.PYTHON),
              "Use tmp_path/TemporaryDirectory instead of fixed /tmp paths, seed randomness"
                  + " (random.seed, random.Random(seed)) and mock the network and the clock.")
          .defined(
              "FAIL per test module that passes or assigns a \"/tmp/...\" literal or joins"
                  + " tempfile.gettempdir() with a literal, and per module calling random.* with no"
                  + " random.seed/Random(seed) in the test code (pytest-randomly, hypothesis"
                  + " exempt); network calls are judged by PY-LCL-026. Else MANUAL."
                  + " NOT_APPLICABLE without test code. Narrowed: a \"/tmp/...\" literal in a"
                  + " test def decorated with mock.patch is taken as a value handed to the"
                  + " mocks, not a write, unless passed straight to open/io.open/os.open/Path/"
                  + "os.makedirs/os.mkdir/shutil.*.",
              Effort.LOW);

  private static final Set<String> UNSEEDED =
      Set.of(
          "random.random",
          "random.randint",
          "random.randrange",
          "random.choice",
          "random.choices",
          "random.shuffle",
          "random.sample",
          "random.uniform",
          "random.getrandbits");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TestSuite suite = context.fact(TestSuite.FACT);
    if (suite.modules().isEmpty()) {
      return Outcome.notApplicable("no Python test code");
    }
    boolean seeded =
        suite.anyHint("random.seed")
            || suite.anyHint("hypothesis")
            || context
                .fact(dev.fleetcheck.core.facts.python.Dependencies.FACT)
                .has("pytest-randomly");
    List<Evidence> findings = new ArrayList<>();
    for (TestSuite.TestModule test : suite.modules()) {
      PythonModule module = test.module();
      fixedTempPath(module).ifPresent(findings::add);
      if (!seeded && !seedsRandom(module)) {
        module.calls().stream()
            .filter(c -> UNSEEDED.contains(c.callee()))
            .findFirst()
            .ifPresent(
                c ->
                    findings.add(
                        Evidence.at(
                            module.path(),
                            c.line(),
                            c.written() + "(...) uses unseeded randomness")));
      }
    }
    return Outcome.assisted(findings);
  }

  private static boolean seedsRandom(PythonModule module) {
    return module.calls().stream()
        .anyMatch(c -> c.callee().equals("random.Random") && !c.positional().isEmpty());
  }

  /** Calls that open, create or copy the file they are given: a path handed to them is written. */
  private static final Set<String> FILE_CALLS =
      Set.of("open", "io.open", "os.open", "pathlib.Path", "Path", "os.makedirs", "os.mkdir");

  private static java.util.Optional<Evidence> fixedTempPath(PythonModule module) {
    for (Call call : module.calls()) {
      Stream<PyValue> args =
          Stream.concat(call.positional().stream(), call.keywords().values().stream());
      if ((args.anyMatch(v -> v instanceof PyValue.Str s && s.value().startsWith("/tmp/"))
              && (FILE_CALLS.contains(call.callee())
                  || call.callee().startsWith("shutil.")
                  || !inMockPatchedDef(module, call.line())))
          || (call.callee().equals("os.path.join")
              && !call.positional().isEmpty()
              && ModuleValues.text(call.positional().get(0)).contains("gettempdir("))) {
        return java.util.Optional.of(
            Evidence.at(module.path(), call.line(), "test writes to a fixed temp path"));
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (assignment.value() instanceof PyValue.Str s
          && s.value().startsWith("/tmp/")
          && !inMockPatchedDef(module, assignment.line())) {
        return java.util.Optional.of(
            Evidence.at(module.path(), assignment.line(), "test uses a fixed temp path"));
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether {@code line} lies in a def decorated with {@code mock.patch} (or its forms). */
  private static boolean inMockPatchedDef(PythonModule module, int line) {
    java.util.Optional<Extent> def = module.enclosingDef(line);
    if (def.isEmpty()) {
      return false;
    }
    for (FunctionDef function : module.functions()) {
      if (function.line() == def.get().line()) {
        return function.decorators().stream().anyMatch(NondeterministicTests::isMockPatch);
      }
    }
    return false;
  }

  private static boolean isMockPatch(String decorator) {
    return decorator.equals("patch")
        || decorator.startsWith("patch.")
        || decorator.endsWith("mock.patch")
        || decorator.contains("mock.patch.");
  }
}
