package dev.fleetcheck.core.rules.code;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.ext.AwsOperations;
import dev.fleetcheck.core.rules.ext.OutboundHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-CODE-002 (assisted): a module that declares the CLI and also performs boundary I/O itself
 * (outbound HTTP, AWS operations, database connects, subprocesses). File writes are left out: many
 * commands legitimately write their output file where they parse the option.
 */
public final class CliWithDirectIo implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CODE-002",
              Set.of(Profile.CLI),
              "Keep the parser thin: parse arguments, call a use-case function, print its result;"
                  + " put HTTP, AWS, database and subprocess calls in their own modules.")
          .defined(
              "FAIL per product module that declares CLI parsers, commands or options and itself"
                  + " makes an outbound HTTP call, an AWS operation, a database connect or a"
                  + " subprocess call; else MANUAL (file writes not judged). NOT_APPLICABLE without"
                  + " product code.",
              Effort.MEDIUM);

  private static final Set<String> CONNECTS =
      Set.of(
          "psycopg2.connect",
          "psycopg.connect",
          "pymysql.connect",
          "pg8000.connect",
          "sqlite3.connect",
          "mysql.connector.connect",
          "asyncpg.connect",
          "sqlalchemy.create_engine");

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
    CliLayer layer = CliLayer.of(context);
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      if (layer.declares(module)) {
        firstIo(module)
            .ifPresent(
                call ->
                    findings.add(
                        Evidence.at(
                            module.path(),
                            call.line(),
                            "module declares the CLI and calls "
                                + call.written()
                                + "(...) itself")));
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<Call> firstIo(PythonModule module) {
    AwsOperations aws = AwsOperations.in(module);
    OutboundHttp.Senders http = OutboundHttp.senders(module);
    for (Call call : module.calls()) {
      if (http.sends(call)
          || aws.isOperation(call)
          || CONNECTS.contains(call.callee())
          || call.callee().startsWith("subprocess.")
          || call.callee().equals("os.system")) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }
}
