package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.ClassDef;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PY-SEC-053 (assisted): a policy layer no test exercises. The policy layer is the classes that
 * define {@code has_permission}/{@code has_object_permission} (DRF permission classes) and the
 * functions named {@code *permission*}, {@code *authoriz*} or {@code require_*}. A policy whose
 * name appears nowhere in test code is a finding, and so is test code that never names a 403.
 * Coverage per route category stays for a reviewer.
 */
public final class UntestedPolicies implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-053",
              Set.of(Profile.API),
              "Unit-test every permission class and policy function, with allow and deny cases"
                  + " (a 403) for each route category.")
          .defined(
              "Applies when product code has a policy layer: classes defining `has_permission` or"
                  + " `has_object_permission`, functions named `*permission*`, `*authoriz*` or"
                  + " `require_*` (Narrowed: not those whose first word shapes or stores data,"
                  + " `format_`, `extract_`, `parse_`, `get_`, `list_`, `create_`, `delete_`, ...:"
                  + " `format_ram_permission` decides nothing). FAIL per policy whose name appears"
                  + " nowhere in test code, and once"
                  + " when test code never names a 403 (`403`, `HTTP_403_FORBIDDEN`,"
                  + " `HTTPStatus.FORBIDDEN`). NOT_APPLICABLE without a policy layer.",
              Effort.MEDIUM);

  private static final Set<String> PERMISSION_METHODS =
      Set.of("has_permission", "has_object_permission");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  /** One policy: its name and where it is defined. */
  private record Policy(String name, String path, int line) {}

  @Override
  public Outcome check(RuleContext context) {
    List<Policy> policies = new ArrayList<>();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      policies.addAll(policies(module));
    }
    if (policies.isEmpty()) {
      return Outcome.notApplicable("no policy layer (permission classes or policy functions)");
    }
    TestEvidence tests = context.fact(TestEvidence.FACT);
    List<Evidence> findings = new ArrayList<>();
    for (Policy policy : policies) {
      if (!tests.names().contains(policy.name())) {
        findings.add(
            Evidence.at(
                policy.path(), policy.line(), "policy " + policy.name() + " is named by no test"));
      }
    }
    if (!tests.statuses().contains(403)) {
      findings.add(Evidence.repository("no test asserts a denial (403)"));
    }
    return Outcome.assisted(findings);
  }

  private static List<Policy> policies(PythonModule module) {
    List<Policy> policies = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (FunctionDef function : module.functions()) {
      String name = function.name();
      if (function.method() && PERMISSION_METHODS.contains(name)) {
        ClassDef owner = null;
        for (ClassDef c : module.classes()) {
          if (c.line() < function.line() && (owner == null || c.line() > owner.line())) {
            owner = c;
          }
        }
        if (owner != null && !seen.contains(owner.name())) {
          seen.add(owner.name());
          policies.add(new Policy(owner.name(), module.path(), owner.line()));
        }
      } else if (!function.method() && !name.startsWith("_") && policyName(name)) {
        policies.add(new Policy(name, module.path(), function.line()));
      }
    }
    return policies;
  }

  private static boolean policyName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (DATA_VERBS.contains(lower.substring(0, Math.max(0, lower.indexOf('_'))))) {
      return false;
    }
    return lower.contains("permission")
        || lower.contains("authoriz")
        || lower.startsWith("require_");
  }

  /**
   * First words of functions that shape or store data rather than decide: {@code
   * format_ram_permission}, {@code extract_region_from_aws_authorization} and {@code
   * create_permission} allow or deny nothing.
   */
  private static final Set<String> DATA_VERBS =
      Set.of(
          "format",
          "extract",
          "parse",
          "serialize",
          "deserialize",
          "render",
          "describe",
          "list",
          "get",
          "to",
          "from",
          "build",
          "create",
          "delete",
          "update",
          "put",
          "add",
          "remove");
}
