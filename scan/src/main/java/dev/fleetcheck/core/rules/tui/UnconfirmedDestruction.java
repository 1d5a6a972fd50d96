package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
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
import java.util.regex.Pattern;

/**
 * PY-TUI-006 (assisted): a CLI deletes things ({@link #destructive}) and has neither a confirmation
 * call ({@code click.confirm}, {@code typer.confirm}, rich {@code Confirm.ask}, {@code
 * click.confirmation_option}) nor a {@code --yes}/{@code -y}/{@code --force}/{@code --assume-yes}
 * option. Deleting what the tool itself made is not a finding: a target named through a {@code
 * tempfile} binding, or whose expression mentions tmp, temp, cache, build or dist.
 */
public final class UnconfirmedDestruction implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-TUI-006",
              Set.of(Profile.CLI),
              "Ask before destroying (click.confirm / typer.confirm / Confirm.ask) and offer --yes"
                  + " (or --force) for scripts; default to the safe answer.")
          .defined(
              "FAIL per destructive call in CLI code (shutil.rmtree, os.remove/unlink/rmdir/"
                  + "removedirs, Path.unlink/rmdir, boto3 delete_*/terminate_*/purge_queue, SQL"
                  + " DROP/TRUNCATE/DELETE FROM literals, query .delete()) when the CLI has no"
                  + " confirmation call and no --yes/-y/--force/--assume-yes option; targets from"
                  + " tempfile or named tmp/temp/cache/build/dist are exempt. NOT_APPLICABLE"
                  + " without product code.",
              Effort.MEDIUM);

  private static final Set<String> FILE_DELETES =
      Set.of(
          "shutil.rmtree",
          "os.remove",
          "os.unlink",
          "os.rmdir",
          "os.removedirs",
          "pathlib.Path.unlink",
          "pathlib.Path.rmdir");
  private static final Set<String> CONFIRMATIONS =
      Set.of("click.confirm", "typer.confirm", "rich.prompt.Confirm.ask", "questionary.confirm");

  /** The last names of {@link #destructive} calls, boto3's aside. */
  private static final Set<String> DESTRUCTIVE_NAMES =
      Set.of(
          "rmtree",
          "remove",
          "unlink",
          "rmdir",
          "removedirs",
          "execute",
          "executescript",
          "text",
          "delete");

  static final Set<String> YES = Set.of("--yes", "-y", "--force", "--assume-yes");
  private static final Pattern SQL =
      Pattern.compile("(?is)^\\s*(?:DROP|TRUNCATE|DELETE\\s+FROM)\\b");
  private static final Pattern OWN = Pattern.compile("(?i)tmp|temp|cache|build|dist");

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
    List<Evidence> findings = findings(modules);
    if (findings.isEmpty()
        || PromptsWithoutBypass.declaresBypass(context, modules, YES)
        || modules.stream()
            .flatMap(m -> m.calls().stream())
            .anyMatch(c -> CONFIRMATIONS.contains(c.callee()))) {
      return Outcome.noEvidentViolation();
    }
    return Outcome.fail(findings);
  }

  /** Every destructive call of product code on something the tool did not evidently make. */
  static List<Evidence> findings(List<PythonModule> modules) {
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      boolean boto = module.imports().values().stream().anyMatch(v -> v.startsWith("boto3"));
      // Outside boto3 code (delete_*, terminate_* are prefixes), every destructive call's last
      // name is one of these, and a call's last name is spelled in the module's code.
      if (!boto && !module.mentionsAny(DESTRUCTIVE_NAMES)) {
        continue;
      }
      Set<String> temporary = new HashSet<>();
      for (Binding binding : module.bindings()) {
        if (binding.callee().startsWith("tempfile.")) {
          temporary.add(binding.name());
        }
      }
      boolean pathlib = module.imports().values().stream().anyMatch(v -> v.startsWith("pathlib"));
      for (Call call : module.calls()) {
        destructive(call, boto, pathlib)
            .filter(what -> !ownTarget(call, temporary))
            .ifPresent(what -> findings.add(Evidence.at(module.path(), call.line(), what)));
      }
    }
    return findings;
  }

  private static Optional<String> destructive(Call call, boolean boto, boolean pathlib) {
    String callee = call.callee();
    String name = call.name();
    boolean hasReceiver = callee.lastIndexOf('.') > 0; // call.receiver() is not empty
    if (FILE_DELETES.contains(callee)
        || (pathlib && hasReceiver && (name.equals("unlink") || name.equals("rmdir")))) {
      return Optional.of(
          call.written() + " deletes without asking and the CLI has no --yes/--force");
    }
    if (boto
        && hasReceiver
        && (name.startsWith("delete_")
            || name.startsWith("terminate_")
            || name.equals("purge_queue"))) {
      return Optional.of(call.written() + " destroys cloud resources without asking");
    }
    if ((name.equals("execute") || name.equals("executescript") || callee.equals("sqlalchemy.text"))
        && !call.positional().isEmpty()
        && call.positional().get(0) instanceof PyValue.Str sql
        && SQL.matcher(sql.value()).find()) {
      return Optional.of("SQL " + firstWord(sql.value()) + " runs without asking");
    }
    if (name.equals("delete")
        && (call.receiver().endsWith("query()")
            || call.receiver().endsWith("filter()")
            || call.receiver().endsWith("filter_by()"))) {
      return Optional.of(call.written() + " bulk-deletes rows without asking");
    }
    return Optional.empty();
  }

  private static boolean ownTarget(Call call, Set<String> temporary) {
    String target =
        call.positional().isEmpty()
            ? call.writtenReceiver()
            : text(call.positional().get(0)) + " " + call.writtenReceiver();
    if (OWN.matcher(target).find()) {
      return true;
    }
    for (String word : target.split("[^A-Za-z0-9_]+")) {
      if (temporary.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static String text(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    if (value instanceof PyValue.Expr expr) {
      return expr.text();
    }
    return value instanceof PyValue.Str str ? str.value() : "";
  }

  private static String firstWord(String sql) {
    return sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
  }
}
