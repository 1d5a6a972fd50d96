package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.facts.ci.CiConfigs;
import dev.fleetcheck.core.facts.ci.CiStep;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-PERF-009: the Lambda glue is tested. FAIL naming each handler and authorizer ({@link
 * LambdaHandlers}) whose module no test file imports ({@code import a.b}, {@code from a.b import
 * f}, any dotted suffix of its path; a bare basename only where test code edits {@code sys.path})
 * or loads ({@code importlib.import_module}, {@code spec_from_file_location} with its path), unless
 * a task-runner target or CI step runs {@code sam local invoke} or {@code sam local start-api}.
 * Narrowed (docs/rules.md): one such command counts for every handler; API middleware of non-Lambda
 * apps is not judged.
 */
public final class LambdaHandlerTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-PERF-009",
              Profile.LAMBDA,
              "Test every Lambda handler and authorizer: import its module in a unit test and call it"
                  + " with a sample event, or invoke it with sam local invoke from a make target.")
          .defined(
              "PASS when every Lambda handler and authorizer (`LambdaHandlers`; an "
                  + "authorizer is a function an API's `Authorizers`, an "
                  + "`AWS::ApiGateway::Authorizer` or a Serverless `authorizer:` points at) "
                  + "is tested: a test file imports its module (any dotted suffix of its "
                  + "path; the bare basename only where test code edits `sys.path`) or "
                  + "loads it (`importlib.import_module`, `spec_from_file_location`). "
                  + "Narrowed: one `sam local invoke`/`start-api` in a task-runner target "
                  + "or CI step counts for every handler; API middleware of non-Lambda apps "
                  + "is not judged; no handler is NOT_APPLICABLE",
              Effort.MEDIUM);

  private static final Pattern SAM_LOCAL =
      Pattern.compile("\\bsam\\s+local\\s+(invoke|start-api)\\b");
  private static final Set<String> SYS_PATH_EDITS =
      Set.of("sys.path.insert", "sys.path.append", "sys.path.extend");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LambdaHandlers.Handler> handlers = context.fact(LambdaHandlers.FACT);
    if (handlers.isEmpty()) {
      return Outcome.notApplicable("no Lambda handler found in product code");
    }
    Optional<Evidence> samLocal = samLocal(context);
    if (samLocal.isPresent()) {
      return Outcome.pass(samLocal.get());
    }
    List<PythonModule> tests = testModules(context);
    boolean sysPathEdited =
        tests.stream()
            .flatMap(m -> m.calls().stream())
            .anyMatch(
                c -> SYS_PATH_EDITS.contains(c.callee()) || c.name().equals("syspath_prepend"));
    TestReferences references = TestReferences.of(tests);
    List<Evidence> untested = new ArrayList<>();
    for (LambdaHandlers.Handler handler : handlers) {
      if (!tested(handler, references, sysPathEdited)) {
        untested.add(
            Evidence.at(
                handler.path(),
                handler.line(),
                (handler.authorizer() ? "authorizer " : "handler ")
                    + handler.function()
                    + " ("
                    + handler.declaredAt()
                    + ") is imported by no test and invoked by no sam local target"));
      }
    }
    if (!untested.isEmpty()) {
      return Outcome.fail(untested);
    }
    return Outcome.pass(
        Evidence.repository(
            "every Lambda handler's module (" + handlers.size() + ") is imported by a test"));
  }

  private static List<PythonModule> testModules(RuleContext context) {
    return PythonCodebase.of(context.facts()).testModules();
  }

  /**
   * What the test modules import and load, collected once per scan so that each handler is judged
   * by set look-ups rather than by a pass over every test module (handlers times tests grew
   * quadratically on large trees).
   */
  private record TestReferences(Set<String> importPrefixes, List<String> loaded) {

    /**
     * Every dotted prefix of every imported name ({@code a}, {@code a.b}, {@code a.b.c} for {@code
     * a.b.c}): a handler's module suffix is imported exactly when it is one of them.
     */
    static TestReferences of(List<PythonModule> tests) {
      Set<String> prefixes = new HashSet<>();
      List<String> loaded = new ArrayList<>();
      for (PythonModule test : tests) {
        for (String imported : test.imports().values()) {
          for (int dot = imported.indexOf('.'); dot >= 0; dot = imported.indexOf('.', dot + 1)) {
            prefixes.add(imported.substring(0, dot));
          }
          prefixes.add(imported);
        }
        for (Call call : test.calls()) {
          String name = call.name();
          if (name.equals("import_module") || name.equals("spec_from_file_location")) {
            for (PyValue argument : call.positional()) {
              if (argument instanceof PyValue.Str s) {
                loaded.add(s.value());
              }
            }
          }
        }
      }
      return new TestReferences(prefixes, loaded);
    }
  }

  private static boolean tested(
      LambdaHandlers.Handler handler, TestReferences references, boolean sysPathEdited) {
    String withoutSuffix = handler.path().substring(0, handler.path().length() - ".py".length());
    String dotted = withoutSuffix.replace('/', '.');
    List<String> suffixes = new ArrayList<>();
    for (int i = 0; i >= 0; i = dotted.indexOf('.', i + 1)) {
      String suffix = i == 0 ? dotted : dotted.substring(i + 1);
      if (i == 0 || suffix.contains(".") || sysPathEdited) {
        suffixes.add(suffix);
      }
    }
    for (String suffix : suffixes) {
      if (references.importPrefixes().contains(suffix)) {
        return true;
      }
    }
    for (String loaded : references.loaded()) {
      if (suffixes.contains(loaded) || loaded.endsWith(handler.path())) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Evidence> samLocal(RuleContext context) {
    for (Target target : context.fact(TaskRunners.FACT).targets()) {
      for (String command : target.commands()) {
        if (SAM_LOCAL.matcher(command).find()) {
          return Optional.of(
              Evidence.at(target.path(), target.line(), "handlers invoked by " + command.trim()));
        }
      }
    }
    for (CiStep step : context.fact(CiConfigs.FACT).steps()) {
      if (step instanceof CiStep.Shell shell && SAM_LOCAL.matcher(shell.script()).find()) {
        return Optional.of(
            Evidence.at(shell.path(), shell.line(), "handlers invoked by sam local in CI"));
      }
    }
    return Optional.empty();
  }
}
