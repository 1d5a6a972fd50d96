package dev.fleetcheck.core.rules.cfg;

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
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-CFG-005 (assisted): defaults that act on a real environment or destroy data. (a) An argparse,
 * click or typer option named for a destructive action ({@code --force}, {@code --yes}, {@code
 * --delete}, {@code --purge}, {@code --apply}, ...) whose default is {@code True}; (b) a default of
 * {@code prod}, {@code production} or {@code live} for an option or environment read named {@code
 * env}, {@code environment}, {@code stage}, {@code profile}, {@code mode} or {@code target} (last
 * {@code _} segment, e.g. {@code os.getenv("APP_STAGE", "prod")}). Settings assignments and cloud
 * credentials in defaults are not checked.
 */
public final class UnsafeDefaults implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CFG-005",
              Set.of(Profile.CLI, Profile.API, Profile.LAMBDA),
              "Default to the safe choice: destructive flags off, a local or dev environment"
                  + " unless one is named explicitly.")
          .defined(
              "FAIL per (a) argparse/click/typer option named `--force`, `--yes`, `--assume-yes`,"
                  + " `--no-confirm`, `--delete`, `--purge`, `--prune`, `--overwrite`, `--apply` or"
                  + " `--execute` with a `True` default; (b) literal default `prod`, `production` or"
                  + " `live` for an option or environment read (`os.getenv`, `os.environ.get`) whose"
                  + " name's last segment is `env`, `environment`, `stage`, `profile`, `mode` or"
                  + " `target`. Settings assignments are not checked. NOT_APPLICABLE without product"
                  + " code.",
              Effort.LOW);

  private static final Set<String> DESTRUCTIVE =
      Set.of(
          "--force",
          "--yes",
          "--assume-yes",
          "--no-confirm",
          "--delete",
          "--purge",
          "--prune",
          "--overwrite",
          "--apply",
          "--execute");
  private static final Set<String> SELECTORS =
      Set.of("env", "environment", "stage", "profile", "mode", "target");
  private static final Set<String> REAL = Set.of("prod", "production", "live");
  private static final Set<String> ENV_READS = Set.of("os.getenv", "os.environ.get");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, UnsafeDefaults::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      if (ENV_READS.contains(call.callee()) && call.positional().size() >= 2) {
        Optional<String> name = ModuleValues.string(module, call.positional().get(0));
        Optional<String> value = ModuleValues.string(module, call.positional().get(1));
        if (name.isPresent()
            && selector(name.get())
            && value.filter(UnsafeDefaults::real).isPresent()) {
          findings.add(realDefault(module, call, name.get(), value.get()));
        }
        continue;
      }
      if (!option(call)) {
        continue;
      }
      List<String> names =
          call.positional().stream()
              .filter(v -> v instanceof PyValue.Str)
              .map(v -> ((PyValue.Str) v).value())
              .filter(n -> n.startsWith("--"))
              .toList();
      Optional<PyValue> byDefault = call.keyword("default");
      if (byDefault.isEmpty()
          && call.callee().startsWith("typer.")
          && !call.positional().isEmpty()) {
        byDefault = Optional.of(call.positional().get(0));
      }
      for (String name : names) {
        if (DESTRUCTIVE.contains(name.split("/")[0].strip())
            && byDefault.filter(v -> v.equals(new PyValue.Bool(true))).isPresent()) {
          findings.add(
              Evidence.at(
                  module.path(), call.line(), "destructive option " + name + " is on by default"));
        } else if (selector(name.substring(2))) {
          byDefault
              .flatMap(v -> ModuleValues.string(module, v))
              .filter(UnsafeDefaults::real)
              .ifPresent(v -> findings.add(realDefault(module, call, name, v)));
        }
      }
    }
    return findings;
  }

  private static boolean option(Call call) {
    return call.name().equals("add_argument")
        || call.callee().equals("click.option")
        || call.callee().equals("typer.Option");
  }

  private static boolean selector(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace('-', '_');
    return SELECTORS.contains(lower.substring(lower.lastIndexOf('_') + 1));
  }

  private static boolean real(String value) {
    return REAL.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  private static Evidence realDefault(PythonModule module, Call call, String name, String value) {
    return Evidence.at(
        module.path(), call.line(), name + " defaults to the real environment \"" + value + "\"");
  }
}
