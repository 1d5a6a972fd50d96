package dev.fleetcheck.core.rules.perf;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-PERF-004 (assisted), part (a): a DynamoDB {@code scan}/{@code query} or an S3 {@code
 * list_objects(_v2)} in a module that never continues a page ({@code LastEvaluatedKey}, {@code
 * ExclusiveStartKey}, {@code ContinuationToken}) nor uses a paginator: the results stop silently at
 * the first page (1 MB, 1,000 keys). Judged per module, so any pagination in the file clears it.
 */
public final class UnpaginatedReads implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PERF-004",
              Set.of(Profile.PYTHON),
              "Page through the results: client.get_paginator(\"scan\"|\"query\"|\"list_objects_v2\"),"
                  + " or loop while the response holds LastEvaluatedKey / NextContinuationToken.")
          .defined(
              "FAIL on an evident violation: part (a): in a module that imports "
                  + "boto3, a DynamoDB `scan`/`query` (on a `Table` or with DynamoDB "
                  + "keywords) or an S3 `list_objects(_v2)` with `Bucket=`, when the module "
                  + "never mentions `LastEvaluatedKey`, `ExclusiveStartKey`, "
                  + "`ContinuationToken`, `StartAfter`, `get_paginator` or `paginate(`: the "
                  + "read stops at the first page. Narrowed: judged per module, not per "
                  + "function; other `list_*` calls and unpaginated routes (part b) are not "
                  + "checked yet",
              Effort.MEDIUM);

  private static final Set<String> DYNAMODB_KEYWORDS =
      Set.of(
          "TableName",
          "KeyConditionExpression",
          "FilterExpression",
          "IndexName",
          "ProjectionExpression",
          "ExpressionAttributeValues");
  private static final List<String> PAGINATION =
      List.of(
          "LastEvaluatedKey",
          "ExclusiveStartKey",
          "ContinuationToken",
          "get_paginator",
          "paginate(",
          "StartAfter");

  /** The calls that can read only a first page: DynamoDB scan/query, S3 object listings. */
  private static final Set<String> READS =
      Set.of("scan", "query", "list_objects_v2", "list_objects");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // Every candidate is a call named as one of the reads, and a resolved callee's last part is
      // spelled as a name in the module (in the call, its import or its binding).
      if (!module.mentionsAny(READS)) {
        continue;
      }
      if (module.imports().values().stream()
          .noneMatch(m -> m.startsWith("boto3") || m.startsWith("aioboto3"))) {
        continue;
      }
      List<Evidence> candidates = candidates(module);
      if (!candidates.isEmpty() && !paginates(context, module)) {
        findings.addAll(candidates);
      }
    }
    return Outcome.assisted(findings);
  }

  private static List<Evidence> candidates(PythonModule module) {
    Set<String> tables = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (binding.callee().endsWith("Table")) {
        tables.add(binding.name());
      }
    }
    // A chained resource("dynamodb").Table(...) binds no name the facts keep: a module that makes
    // Table objects lets receivers named like a table count.
    boolean makesTables = module.calls().stream().anyMatch(c -> c.name().equals("Table"));
    List<Evidence> candidates = new ArrayList<>();
    for (Call call : module.calls()) {
      String name = call.name();
      String what = null;
      if ((name.equals("scan") || name.equals("query"))
          && (tables.contains(call.writtenReceiver())
              || (makesTables && lastPartNamesTable(call.writtenReceiver()))
              || call.receiver().endsWith(".Table()")
              || call.keywords().keySet().stream().anyMatch(DYNAMODB_KEYWORDS::contains))) {
        what = "DynamoDB " + name;
      } else if ((name.equals("list_objects_v2") || name.equals("list_objects"))
          && call.hasKeyword("Bucket")) {
        what = "S3 " + name;
      }
      if (what != null) {
        candidates.add(
            Evidence.at(
                module.path(),
                call.line(),
                what
                    + " reads only the first page: the module never continues with"
                    + " LastEvaluatedKey/ContinuationToken nor uses a paginator"));
      }
    }
    return candidates;
  }

  /** Whether the last part of a receiver holds "table" in any case. */
  private static boolean lastPartNamesTable(String receiver) {
    return receiver
        .substring(receiver.lastIndexOf('.') + 1)
        .toLowerCase(Locale.ROOT)
        .contains("table");
  }

  private static boolean paginates(RuleContext context, PythonModule module) {
    Optional<String> text = context.snapshot().readText(module.path());
    return text.isEmpty() || PAGINATION.stream().anyMatch(text.get()::contains);
  }
}
