package dev.fleetcheck.core.rules.data;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-DATA-003 (assisted): strings silently turned into booleans. argparse's {@code
 * add_argument(..., type=bool)} (any non-empty string, "False" included, becomes {@code True}) and
 * {@code bool()} of an environment read ({@code bool(os.getenv("DEBUG"))}: "false" and "0" are
 * {@code True}). Whether pydantic's lax mode is silent coercion is not judged (RULES-NEXT).
 */
public final class SilentBoolCoercion implements Rule {

  private static final List<String> CALL_NAMES = List.of("add_argument", "bool");

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-DATA-003",
              Set.of(Profile.PYTHON),
              "Parse booleans explicitly: argparse action=\"store_true\" or"
                  + " BooleanOptionalAction, and an environment value compared with an accepted"
                  + " set (\"1\", \"true\", \"yes\") that rejects anything else.")
          .defined(
              "FAIL per argparse `add_argument(..., type=bool)` and per `bool(...)` of an"
                  + " environment read (`os.environ.get(...)`, `os.getenv(...)`,"
                  + " `os.environ[...]`, `environ`/`getenv` imported from os). Pydantic's lax mode"
                  + " is not judged. NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Pattern ENVIRONMENT_READ =
      Pattern.compile("^(?:os\\.)?(?:environ\\s*\\.\\s*get\\s*\\(|getenv\\s*\\(|environ\\s*\\[)");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, SilentBoolCoercion::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    // Both calls judged below spell their name: add_argument(...) and bool(...).
    if (!module.mentionsAny(CALL_NAMES)) {
      return List.of();
    }
    boolean osNames =
        "os.environ".equals(module.imports().get("environ"))
            || "os.getenv".equals(module.imports().get("getenv"));
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.name().equals("add_argument")
          && call.keyword("type").filter(v -> v.equals(new PyValue.Name("bool"))).isPresent()) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "add_argument(..., type=bool) turns any non-empty string, \"False\" included,"
                    + " into True"));
      } else if (call.callee().equals("bool")
          && call.positional().size() == 1
          && call.positional().get(0) instanceof PyValue.Expr expr
          && environmentRead(expr.text().strip(), osNames)) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                "bool() of an environment value makes \"false\" and \"0\" True"));
      }
    }
    return findings;
  }

  private static boolean environmentRead(String text, boolean osNames) {
    return (text.startsWith("os.") || osNames) && ENVIRONMENT_READ.matcher(text).find();
  }
}
