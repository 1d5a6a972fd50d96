package dev.fleetcheck.core.rules.tui;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.TemporaryNames;
import java.util.ArrayList;
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
 * tempfile} binding (or a name bound to a call on one), whose expression mentions tmp, temp, cache,
 * build or dist, or that the same function made earlier ({@link #madeHere}).
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
                  + " confirmation call and no --yes/-y/--force/--assume-yes option (argparse,"
                  + " optparse, click, typer, a traitlets flag or an awscli-style argument table);"
                  + " targets the tool made are exempt: from tempfile (also through a name derived"
                  + " from one, Path(tempfile.mkdtemp())), named tmp/temp/cache/build/dist, or made"
                  + " earlier in the same function (opened for writing, write_text/touch/mkdir,"
                  + " assigned or iterated from such a value, written by a command's -o/--output)."
                  + " NOT_APPLICABLE without product code.",
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
  private static final Pattern DOTTED =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Set<String> OPENS = Set.of("open", "io.open", "codecs.open");
  private static final Set<String> MAKES = Set.of("write_text", "write_bytes", "touch", "mkdir");
  private static final Set<String> OUTPUT_FLAGS = Set.of("-o", "-out", "--output", "-output");

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
    List<Evidence> findings = findings(PythonCodebase.of(context.facts()), modules);
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
  static List<Evidence> findings(PythonCodebase codebase, List<PythonModule> modules) {
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      boolean boto = module.imports().values().stream().anyMatch(v -> v.startsWith("boto3"));
      // Outside boto3 code (delete_*, terminate_* are prefixes), every destructive call's last
      // name is one of these, and a call's last name is spelled in the module's code.
      if (!boto && !module.mentionsAny(DESTRUCTIVE_NAMES)) {
        continue;
      }
      boolean pathlib = module.imports().values().stream().anyMatch(v -> v.startsWith("pathlib"));
      Set<String> temporary = null;
      for (Call call : module.calls()) {
        Optional<String> what = destructive(call, boto, pathlib);
        if (what.isEmpty()) {
          continue;
        }
        if (temporary == null) {
          temporary = TemporaryNames.of(module);
        }
        if (!ownTarget(call, temporary) && !madeHere(codebase, module, call, temporary)) {
          findings.add(Evidence.at(module.path(), call.line(), what.get()));
        }
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
    return OWN.matcher(target).find() || TemporaryNames.mentions(target, temporary);
  }

  /** The dotted name a destructive call deletes: its first argument or its receiver; or empty. */
  private static String subject(Call call) {
    if (!call.positional().isEmpty()) {
      return call.positional().get(0) instanceof PyValue.Name name ? name.dotted() : "";
    }
    String receiver = call.writtenReceiver();
    return DOTTED.matcher(receiver).matches() ? receiver : "";
  }

  /**
   * Whether the function holding the deletion made its target earlier: opened it for writing
   * ({@code open(name, "w")}, {@code .write_text}, {@code .touch}, {@code mkdir}), assigned it a
   * temporary or tmp/temp-named value, iterates it from such a collection ({@code for f in
   * self.tempfiles}), or had a command write it ({@code "-o", name} in an argument list).
   */
  private static boolean madeHere(
      PythonCodebase codebase, PythonModule module, Call call, Set<String> temporary) {
    String subject = subject(call);
    if (subject.isEmpty()) {
      return false;
    }
    int from = 1;
    Optional<Blocks> blocks = codebase.blocks(module.path());
    Optional<Blocks.Block> def = blocks.flatMap(b -> b.enclosingDef(call.line()));
    if (def.isPresent()) {
      from = def.get().line();
    }
    for (Call earlier : module.calls()) {
      if (earlier.line() >= from && earlier.line() <= call.line() && creates(earlier, subject)) {
        return true;
      }
    }
    if (blocks.isEmpty()) {
      return false;
    }
    Tokens t = blocks.get().tokens();
    int start = def.map(Blocks.Block::firstToken).orElse(0);
    boolean statementStart = true;
    for (int i = start; i < t.size() && t.line(i) <= call.line(); i++) {
      if (t.isTrivia(i)) {
        continue;
      }
      TokenKind kind = t.kind(i);
      if (kind == TokenKind.NEWLINE || kind == TokenKind.INDENT || kind == TokenKind.DEDENT) {
        statementStart = true;
        continue;
      }
      boolean atStart = statementStart;
      statementStart = false;
      if (atStart && t.is(i, "for")) {
        int in = i + 1;
        boolean names = false;
        while (in < t.size() && !t.is(in, "in") && t.kind(in) != TokenKind.NEWLINE) {
          names |= t.is(in, subject);
          in++;
        }
        if (names && t.is(in, "in") && ownValue(t, in + 1, temporary)) {
          return true;
        }
      } else if (atStart && t.isName(i) && startsDotted(t, i, subject)) {
        int next = t.skipTrivia(i + subjectTokens(subject));
        if (t.isOp(next, '=') && ownValue(t, next + 1, temporary)) {
          return true;
        }
      } else if (kind == TokenKind.STRING
          && OUTPUT_FLAGS.contains(String.valueOf(t.stringValue(i)))) {
        int comma = t.skipTrivia(i + 1);
        int name = t.skipTrivia(comma + 1);
        if (t.isOp(comma, ',') && startsDotted(t, name, subject)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the call creates {@code subject}: opens it for writing or makes it. */
  private static boolean creates(Call call, String subject) {
    String name = call.name();
    if (MAKES.contains(name)) {
      return call.writtenReceiver().equals(subject);
    }
    if (name.equals("open") && call.writtenReceiver().equals(subject)) {
      return writeMode(
          call.keyword("mode").orElse(call.positional().stream().findFirst().orElse(null)));
    }
    if (call.positional().isEmpty()
        || !(call.positional().get(0) instanceof PyValue.Name target)
        || !target.dotted().equals(subject)) {
      return false;
    }
    if (call.callee().equals("os.mkdir") || call.callee().equals("os.makedirs")) {
      return true;
    }
    if (!OPENS.contains(call.callee())) {
      return false;
    }
    PyValue mode =
        call.keyword("mode").orElse(call.positional().size() > 1 ? call.positional().get(1) : null);
    return writeMode(mode);
  }

  private static boolean writeMode(PyValue mode) {
    return mode instanceof PyValue.Str str
        && (str.value().contains("w") || str.value().contains("x"));
  }

  /**
   * Whether the expression from token {@code i} to the end of its line is tmp-named or temporary.
   */
  private static boolean ownValue(Tokens t, int i, Set<String> temporary) {
    int end = i;
    while (end < t.size()
        && t.kind(end) != TokenKind.NEWLINE
        && !(t.isOp(end, ':') && t.depth(end) == t.depth(i))) {
      end++;
    }
    if (end <= i) {
      return false;
    }
    String value = t.source().substring(t.start(i), t.end(end - 1));
    return OWN.matcher(value).find() || TemporaryNames.mentions(value, temporary);
  }

  /** Whether the tokens from {@code i} spell the dotted {@code subject} and end there. */
  private static boolean startsDotted(Tokens t, int i, String subject) {
    int j = i;
    for (String part : subject.split("\\.")) {
      if (j > i) {
        if (!t.isOp(j, '.')) {
          return false;
        }
        j++;
      }
      if (!t.is(j, part)) {
        return false;
      }
      j++;
    }
    return !t.isOp(j, '.') && !t.isOp(j, '(') && !t.isOp(j, '[');
  }

  private static int subjectTokens(String subject) {
    int parts = subject.split("\\.").length;
    return 2 * parts - 1;
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
