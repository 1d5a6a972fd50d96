package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-003 (assisted), applied beyond CLIs (RULES-NEXT.md, "Injection and deserialisation"):
 * shell commands built at run time, tar extraction without a filter, unsafe YAML loading, pickle of
 * network or request data, and eval/exec of input. Product code only.
 */
public final class UnsafeInputSinks implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-003",
              Set.of(Profile.PYTHON),
              "Never hand external input to a shell, an unsafe loader or eval: pass argument lists"
                  + " without shell=True, use yaml.safe_load, extract tar files with filter=\"data\","
                  + " and parse untrusted data as JSON.")
          .defined(
              "FAIL on an evident violation: applied beyond CLIs (RULES-NEXT.md, "
                  + "\"Injection and deserialisation\"): a shell command that is not a "
                  + "literal or a constant (f-string, concatenation, `%`/`.format`, other "
                  + "names) given to `subprocess.*(..., shell=True)`, `os.system`, "
                  + "`os.popen`, `subprocess.getoutput`, `asyncio.create_subprocess_shell`; "
                  + "`extractall()`/`extract()` on a `tarfile.open(...)` result without "
                  + "`filter=` or with `filter=\"fully_trusted\"`; `yaml.load`/`load_all` "
                  + "without a loader or with `Loader`/`UnsafeLoader`, `yaml.unsafe_load`; "
                  + "`pickle`/`dill`/`cloudpickle`/`marshal` `load(s)` and "
                  + "`jsonpickle.decode` of an expression that reads a response "
                  + "(`requests.`, `urlopen(`, `.content`, `.recv(`), a request body or "
                  + "`sys.argv`; `eval`/`exec` of an expression reading `input()`, "
                  + "`sys.argv`, `request.`, the Lambda `event` or parsed arguments. "
                  + "Narrowed: `FullLoader` and custom loaders (a bare `Loader` name that is"
                  + " not imported from yaml, as mkdocs' `Loader = loader or get_yaml_loader()`)"
                  + " do not fire; deserialisation "
                  + "of a plain name is not traced",
              Effort.MEDIUM);

  private static final Set<String> SUBPROCESS =
      Set.of(
          "subprocess.run",
          "subprocess.call",
          "subprocess.check_call",
          "subprocess.check_output",
          "subprocess.Popen");
  private static final Set<String> ALWAYS_SHELL =
      Set.of(
          "os.system",
          "os.popen",
          "subprocess.getoutput",
          "subprocess.getstatusoutput",
          "asyncio.create_subprocess_shell");
  private static final Set<String> TAR_OPENERS =
      Set.of("tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open");
  private static final Set<String> YAML_LOADS = Set.of("yaml.load", "yaml.load_all");
  private static final Set<String> YAML_UNSAFE = Set.of("yaml.unsafe_load", "yaml.unsafe_load_all");
  private static final Set<String> UNSAFE_LOADERS = Set.of("Loader", "UnsafeLoader");
  private static final Set<String> DESERIALISERS =
      Set.of(
          "pickle.load",
          "pickle.loads",
          "cPickle.loads",
          "dill.load",
          "dill.loads",
          "cloudpickle.loads",
          "marshal.load",
          "marshal.loads",
          "jsonpickle.decode");

  /** Expressions that read a network response, a request body or a command line. */
  private static final List<String> EXTERNAL_DATA =
      List.of(
          "requests.",
          "urlopen(",
          ".content",
          "request.body",
          "request.data",
          "get_data(",
          "request.files",
          "sys.argv",
          "event[\"body\"]",
          "event['body']",
          ".recv(");

  /** Expressions that read input directly (eval/exec). */
  private static final List<String> DIRECT_INPUT =
      List.of("input(", "sys.argv", "request.", "event[", "event.get(");

  /**
   * Every sink needs one of these names: the first part of its resolved callee (spelled in the call
   * or in the import it was resolved through), extract/extractall, or eval/exec themselves.
   */
  private static final Set<String> TRIGGERS =
      Set.of(
          "os",
          "subprocess",
          "asyncio",
          "extract",
          "extractall",
          "yaml",
          "pickle",
          "cPickle",
          "dill",
          "cloudpickle",
          "marshal",
          "jsonpickle",
          "eval",
          "exec");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, this);
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    if (!module.mentionsAny(TRIGGERS)) {
      return List.of();
    }
    Set<String> tars = ModuleValues.namesBoundTo(module, TAR_OPENERS);
    Set<String> parsedArgs = parsedArguments(module);
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      Optional<String> problem =
          shell(module, call)
              .or(() -> tar(call, tars))
              .or(() -> yaml(module, call))
              .or(() -> deserialise(call))
              .or(() -> eval(call, parsedArgs));
      problem.ifPresent(p -> findings.add(Evidence.at(module.path(), call.line(), p)));
    }
    return findings;
  }

  private static Optional<String> shell(PythonModule module, Call call) {
    String callee = call.callee();
    boolean shell =
        ALWAYS_SHELL.contains(callee)
            || (SUBPROCESS.contains(callee)
                && call.keyword("shell")
                    .map(v -> v instanceof PyValue.Bool b && b.value())
                    .orElse(false));
    if (!shell) {
      return Optional.empty();
    }
    Optional<PyValue> command =
        call.positional().isEmpty()
            ? call.keyword("args").or(() -> call.keyword("cmd"))
            : Optional.of(call.positional().get(0));
    if (command.isEmpty() || call.argsSplat() || command.get() instanceof PyValue.Seq) {
      return Optional.empty();
    }
    if (ModuleValues.literal(module, command.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "shell command built at run time: "
            + call.written()
            + "("
            + ModuleValues.text(command.get())
            + (ALWAYS_SHELL.contains(callee) ? ")" : ", shell=True)"));
  }

  private static Optional<String> tar(Call call, Set<String> tars) {
    if (!call.name().equals("extractall") && !call.name().equals("extract")) {
      return Optional.empty();
    }
    String receiver = call.receiver();
    boolean tar =
        tars.contains(call.writtenReceiver())
            || (receiver.endsWith("()")
                && TAR_OPENERS.contains(receiver.substring(0, receiver.length() - 2)));
    if (!tar || call.kwargsSplat()) {
      return Optional.empty();
    }
    Optional<PyValue> filter = call.keyword("filter");
    if (filter.isEmpty()) {
      return Optional.of(
          "tar extraction without a filter: " + call.written() + "() (pass filter=\"data\")");
    }
    if (filter.get().containsString("fully_trusted")) {
      return Optional.of("tar extraction trusts the archive: filter=\"fully_trusted\"");
    }
    return Optional.empty();
  }

  private static Optional<String> yaml(PythonModule module, Call call) {
    if (YAML_UNSAFE.contains(call.callee())) {
      return Optional.of("unsafe YAML loading: " + call.written() + "(...)");
    }
    if (!YAML_LOADS.contains(call.callee()) || call.kwargsSplat()) {
      return Optional.empty();
    }
    Optional<PyValue> loader =
        call.keyword("Loader")
            .or(
                () ->
                    call.positional().size() > 1
                        ? Optional.of(call.positional().get(1))
                        : Optional.empty());
    if (loader.isEmpty()) {
      return Optional.of("YAML loaded without a safe loader: " + call.written() + "(...)");
    }
    String text = ModuleValues.text(loader.get());
    // A bare name is yaml's own loader only where it is imported as one (`from yaml import
    // Loader`); a local `Loader = loader or get_yaml_loader()` is a custom loader.
    String resolved = text.contains(".") ? text : module.imports().getOrDefault(text, "");
    String last = resolved.substring(resolved.lastIndexOf('.') + 1);
    if (UNSAFE_LOADERS.contains(last)) {
      return Optional.of("YAML loaded with the unsafe " + last + ": " + call.written() + "(...)");
    }
    return Optional.empty();
  }

  private static Optional<String> deserialise(Call call) {
    if (!DESERIALISERS.contains(call.callee()) || call.positional().isEmpty()) {
      return Optional.empty();
    }
    String argument = ModuleValues.text(call.positional().get(0));
    for (String marker : EXTERNAL_DATA) {
      if (argument.contains(marker)) {
        return Optional.of(
            "untrusted data deserialised: " + call.written() + "(" + abbreviate(argument) + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> eval(Call call, Set<String> parsedArgs) {
    if (!(call.callee().equals("eval") || call.callee().equals("exec"))
        || call.positional().isEmpty()) {
      return Optional.empty();
    }
    String argument = ModuleValues.text(call.positional().get(0));
    boolean input =
        DIRECT_INPUT.stream().anyMatch(argument::contains)
            || parsedArgs.stream().anyMatch(name -> argument.startsWith(name + "."));
    if (!input) {
      return Optional.empty();
    }
    return Optional.of(
        "input executed as code: " + call.written() + "(" + abbreviate(argument) + ")");
  }

  /** Names bound to parsed command-line arguments ({@code args = parser.parse_args()}). */
  private static Set<String> parsedArguments(PythonModule module) {
    Set<String> names = new HashSet<>();
    for (Binding binding : module.bindings()) {
      if (binding.callee().endsWith("parse_args")
          || binding.callee().endsWith("parse_known_args")) {
        names.add(binding.name());
      }
    }
    return names;
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
