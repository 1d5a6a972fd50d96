package dev.fleetcheck.core.rules.io;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Extent;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.TemporaryNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-IO-001 (assisted): CLI code that writes files but never renames a temporary file into place
 * nor uses an atomic-write helper. Which of the writes are output files is left to a reviewer: each
 * write is listed.
 */
public final class NonAtomicWrites implements Rule {

  static final String ID = "PY-IO-001";

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              ID,
              Set.of(Profile.CLI),
              "Write output to a temporary file in the target folder and os.replace() it into"
                  + " place (or use an atomic-write helper), so a failure never leaves a partial"
                  + " file.")
          .defined(
              "FAIL per file write in CLI product code (open(..., \"w\"|\"wb\"|\"x\"),"
                  + " Path.write_text|write_bytes) when no product module renames into place"
                  + " (os.replace, os.rename, shutil.move, Path.replace|rename next to tempfile)"
                  + " nor uses atomicwrites/atomic_write/atomic_save; else MANUAL. Writes to scratch"
                  + " files are not output files: a target from tempfile or named tmp/temp, or one"
                  + " the same function deletes afterwards; os.devnull is no file. NOT_APPLICABLE"
                  + " without product code.",
              Effort.MEDIUM);

  private static final Pattern TEMPORARY = Pattern.compile("(?i)tmp|temp(?!lat)");
  private static final Set<String> DELETES = Set.of("remove", "unlink", "rmtree");
  private static final Set<String> RENAMES = Set.of("os.replace", "os.rename", "shutil.move");
  private static final Set<String> HELPERS =
      Set.of("atomic_write", "atomic_save", "AtomicWriter", "atomic_open");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> writes = new ArrayList<>();
    for (PythonModule module : modules) {
      if (atomic(module)) {
        return Outcome.noEvidentViolation();
      }
      Set<String> temporary = null;
      for (Call call : module.calls()) {
        if (writes(module, call)) {
          if (temporary == null) {
            temporary = TemporaryNames.of(module);
          }
          if (scratch(module, call, temporary)) {
            continue;
          }
          writes.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  call.written() + "(...) writes in place: no temp file renamed into place"));
        }
      }
    }
    return Outcome.assisted(writes);
  }

  private static boolean atomic(PythonModule module) {
    for (String imported : module.imports().values()) {
      if (imported.startsWith("atomicwrites")) {
        return true;
      }
    }
    boolean tempfile = false;
    for (Call call : module.calls()) {
      tempfile |= call.callee().startsWith("tempfile.");
    }
    for (Call call : module.calls()) {
      String name = call.name();
      if (RENAMES.contains(call.callee()) || HELPERS.contains(name)) {
        return true;
      }
      if (tempfile
          && (name.equals("replace") || name.equals("rename"))
          && call.positional().size() == 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a write goes to a scratch file rather than an output file: os.devnull, a target from
   * tempfile or named tmp/temp, or one the same function deletes afterwards.
   */
  private static boolean scratch(PythonModule module, Call call, Set<String> temporary) {
    boolean open = call.name().equals("open");
    String target =
        open
            ? (call.positional().isEmpty() ? "" : text(call.positional().get(0)))
            : call.writtenReceiver();
    if (target.isEmpty()) {
      return false;
    }
    if (target.equals("os.devnull")
        || target.equals("devnull")
        || TEMPORARY.matcher(target).find()
        || TemporaryNames.mentions(target, temporary)) {
      return true;
    }
    Extent def = module.enclosingDef(call.line()).orElse(null);
    if (def == null) {
      return false;
    }
    for (Call later : module.calls()) {
      if (later.line() > call.line()
          && later.line() <= def.lastLine()
          && DELETES.contains(later.name())
          && (later.positional().isEmpty()
              ? later.writtenReceiver().equals(target)
              : text(later.positional().get(0)).equals(target))) {
        return true;
      }
    }
    return false;
  }

  private static String text(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    return value instanceof PyValue.Expr expr ? expr.text().strip() : "";
  }

  private static boolean writes(PythonModule module, Call call) {
    String callee = call.callee();
    if (callee.endsWith("write_text") || callee.endsWith("write_bytes")) {
      String name = call.name();
      if (!name.equals("write_text") && !name.equals("write_bytes")) {
        return false;
      }
      return !call.receiver().isEmpty();
    }
    if (!call.callee().equals("open") && !call.callee().equals("io.open")) {
      return false;
    }
    Optional<PyValue> mode =
        call.positional().size() > 1 ? Optional.of(call.positional().get(1)) : call.keyword("mode");
    return mode.flatMap(m -> ModuleValues.string(module, m))
        .filter(m -> m.startsWith("w") || m.startsWith("x"))
        .isPresent();
  }
}
