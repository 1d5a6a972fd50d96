package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.StreamWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-CTR-008 (assisted): one function of CLI code writes structured output to stdout ({@code
 * print(json.dumps(...))}, {@code click.echo}/{@code typer.echo} of {@code json.dumps}, {@code
 * json.dump(..., sys.stdout)}, {@code sys.stdout.write(json.dumps(...))}, {@code print_json} on a
 * stdout rich Console) and also shows progress on stdout: {@code click.progressbar} without {@code
 * file=}, {@code tqdm(..., file=sys.stdout)}, rich {@code Progress}/{@code Live}/{@code track}
 * without a stderr console, {@code status(...)} on a stdout Console. Functions are told apart by
 * their {@code def}; module-level code counts as one function.
 */
public final class ProgressInStructuredOutput implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CTR-008",
              Set.of(Profile.CLI),
              "Show progress on stderr (click.progressbar(file=sys.stderr), Console(stderr=True),"
                  + " tqdm's default) whenever the command writes JSON to stdout.")
          .defined(
              "FAIL per progress display on stdout (click.progressbar without file=,"
                  + " tqdm(file=sys.stdout), rich Progress/Live/track/status without a stderr"
                  + " console) in a CLI function that also writes JSON to stdout (print/echo/"
                  + "sys.stdout.write of json.dumps, json.dump to sys.stdout, print_json)."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Pattern DUMPS = Pattern.compile("^(?:json\\.|orjson\\.|ujson\\.)?dumps\\(");
  private static final Set<String> TQDMS =
      Set.of("tqdm", "tqdm.tqdm", "tqdm.auto.tqdm", "tqdm.std.tqdm");

  /** The last names of every call {@link #progressOnStdout} accepts. */
  private static final Set<String> PROGRESS_NAMES =
      Set.of("progressbar", "tqdm", "Progress", "Live", "track", "status");

  private static final Set<String> RICH_PROGRESS =
      Set.of("rich.progress.Progress", "rich.live.Live", "rich.progress.track");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, ProgressInStructuredOutput::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    // A finding needs a progress call, whose last name the module's code spells.
    if (!module.mentionsAny(PROGRESS_NAMES)) {
      return List.of();
    }
    StreamWrites writes = StreamWrites.of(module);
    List<Call> structured = new ArrayList<>();
    List<Call> progress = new ArrayList<>();
    for (Call call : module.calls()) {
      if (structured(call, writes)) {
        structured.add(call);
      } else if (progressOnStdout(call, writes)) {
        progress.add(call);
      }
    }
    if (structured.isEmpty() || progress.isEmpty()) {
      return List.of();
    }
    Optional<Blocks> blocks = codebase.blocks(module.path());
    if (blocks.isEmpty()) {
      return List.of();
    }
    List<Evidence> findings = new ArrayList<>();
    for (Call shown : progress) {
      int scope = scope(blocks.get(), shown.line());
      structured.stream()
          .filter(s -> scope(blocks.get(), s.line()) == scope)
          .findFirst()
          .ifPresent(
              s ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          shown.line(),
                          shown.written()
                              + " shows progress on stdout, mixed into the JSON written at line "
                              + s.line())));
    }
    return findings;
  }

  private static int scope(Blocks blocks, int line) {
    return blocks.enclosingDef(line).map(Blocks.Block::line).orElse(0);
  }

  private static boolean structured(Call call, StreamWrites writes) {
    String callee = call.callee();
    if (callee.equals("json.dump")) {
      Optional<PyValue> fp =
          call.keyword("fp")
              .or(
                  () ->
                      call.positional().size() > 1
                          ? Optional.of(call.positional().get(1))
                          : Optional.empty());
      return fp.filter(writes::isStdout).isPresent();
    }
    Optional<StreamWrites.Stream> stream = writes.stream(call);
    if (stream.isEmpty() || stream.get() != StreamWrites.Stream.STDOUT) {
      return false;
    }
    if (call.name().equals("print_json")) {
      return true;
    }
    return !call.positional().isEmpty()
        && call.positional().get(0) instanceof PyValue.Expr expr
        && DUMPS.matcher(expr.text().strip()).find();
  }

  private static boolean progressOnStdout(Call call, StreamWrites writes) {
    String callee = call.callee();
    if (callee.equals("click.progressbar")) {
      return call.keyword("file")
          .map(v -> writes.streamOf(v) == StreamWrites.Stream.STDOUT)
          .orElse(true);
    }
    if (TQDMS.contains(callee)) {
      return call.keyword("file").filter(writes::isStdout).isPresent();
    }
    if (RICH_PROGRESS.contains(callee)) {
      Optional<PyValue> console = call.keyword("console");
      if (console.isEmpty()) {
        return true;
      }
      return console.get() instanceof PyValue.Name name
          && writes.console(name.dotted()).filter(s -> s == StreamWrites.Stream.STDOUT).isPresent();
    }
    return call.name().equals("status")
        && writes
            .console(call.writtenReceiver())
            .filter(s -> s == StreamWrites.Stream.STDOUT)
            .isPresent();
  }
}
