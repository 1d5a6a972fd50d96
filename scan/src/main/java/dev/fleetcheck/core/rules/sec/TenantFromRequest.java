package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ClassDef;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.RequestReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-SEC-036: a tenant id never comes from a request header or query parameter ({@link
 * RequestReads} whose key contains {@code tenant}). Path parameters are explicit routing and do not
 * count. NOT_APPLICABLE when product code has no tenant notion at all.
 */
public final class TenantFromRequest implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-036",
              Set.of(Profile.API, Profile.LAMBDA),
              "Take the tenant from the verified identity (a token claim, the authorizer context),"
                  + " or from an explicit path parameter checked against it; never from a header or"
                  + " query parameter the caller controls.")
          .defined(
              "PASS when no tenant id read from a request header or query parameter "
                  + "whose name contains `tenant` (any case): subscripts and `.get()` on "
                  + "`request.headers`/`META`/`args`/`GET`/`query_params`, a local "
                  + "`headers`, Lambda "
                  + "`event[\"headers\"]`/`event[\"queryStringParameters\"]` (also via "
                  + "`event.get(...)`), FastAPI `Header()`/`Query()` parameters (alias, "
                  + "else the parameter name). Path parameters and identity claims pass; "
                  + "NOT_APPLICABLE when no name, key or parameter of product code mentions "
                  + "a tenant (shared detector `RequestReads`)",
              Effort.HIGH);

  private static final String TENANT = "tenant";

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> findings = new ArrayList<>();
    for (RequestReads.Read read : context.fact(RequestReads.FACT).all()) {
      if (read.source() != RequestReads.Source.COOKIE && read.normalisedKey().contains(TENANT)) {
        findings.add(
            Evidence.at(
                read.path(),
                read.line(),
                "tenant id read from the request "
                    + (read.source() == RequestReads.Source.HEADER ? "header " : "query parameter ")
                    + read.key()
                    + ": a caller can name any tenant"));
      }
    }
    if (!findings.isEmpty()) {
      return Outcome.fail(findings);
    }
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    for (PythonModule module : modules) {
      if (mentionsTenant(module)) {
        return Outcome.pass(
            Evidence.repository(
                "tenant ids are not read from request headers or query parameters (tenant"
                    + " notion first seen in "
                    + module.path()
                    + ")"));
      }
    }
    return Outcome.notApplicable("no tenant notion in product code");
  }

  /** Whether a name, key or parameter of the module contains "tenant". */
  private static boolean mentionsTenant(PythonModule module) {
    for (Call call : module.calls()) {
      if (has(call.written()) || has(call.parameter())) {
        return true;
      }
      for (String keyword : call.keywords().keySet()) {
        if (has(keyword)) {
          return true;
        }
      }
    }
    for (Binding binding : module.bindings()) {
      if (has(binding.name())) {
        return true;
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (has(pair.key())) {
        return true;
      }
    }
    for (FunctionDef function : module.functions()) {
      if (has(function.name()) || function.unannotatedParameters().stream().anyMatch(p -> has(p))) {
        return true;
      }
    }
    for (ClassDef type : module.classes()) {
      if (has(type.name())) {
        return true;
      }
    }
    return module.assignments().stream().anyMatch(a -> has(a.target()))
        || module.imports().keySet().stream().anyMatch(TenantFromRequest::has);
  }

  private static boolean has(String name) {
    return AsciiText.containsIgnoreCase(name, TENANT);
  }
}
