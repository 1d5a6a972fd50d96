package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-001: a CLI option that takes a secret ({@code --password}, {@code --token}, {@code
 * --secret}, {@code --api-key}, {@code --client-secret}, {@code --db-pass}, {@code --signing-key}
 * and the like) is declared with argparse, click or typer only together with an
 * environment-variable or prompt source. click's (and typer's) {@code auto_envvar_prefix}, set
 * anywhere in the product code, gives every click and typer option an environment source.
 */
public final class SecretCliOptions implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-001",
              Profile.CLI,
              "Do not take secrets as command-line values: read them from an environment variable"
                  + " (click/typer envvar=, argparse default=os.environ[...]) or prompt for them"
                  + " (prompt=True, hide_input=True).")
          .defined(
              "FAIL per CLI option taking a secret (last word `password`, `pass`, "
                  + "`passphrase`, `secret`, `token`, `key`, `api-key`, or joined such as "
                  + "`--authtoken`) declared with argparse `add_argument`, `click.option` "
                  + "or `typer.Option` without an env-var or prompt source (`envvar=`, "
                  + "`prompt=`, `hide_input=`, click `auto_envvar_prefix`); PASS otherwise. An"
                  + " option whose value is a file or path holding the secret is no finding: an"
                  + " alias or `dest=` ending in `file`, `path`, `dir`, ... (`--private-key`,"
                  + " `--key-file`), or a `type=` naming a file or path (`type=readable_file_arg`,"
                  + " `argparse.FileType`, `click.Path`). A key that indexes or names data"
                  + " (`--sort-key`, `--public-key`, `--reg-key`) takes no secret.",
              Effort.LOW);

  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "passphrase", "token", "secret", "apikey", "pat");

  /** An option whose name ends in one of these words takes the secret itself. */
  private static final Set<String> SECRET_ENDINGS =
      Set.of("pass", "passphrase", "secret", "token", "key");

  /** A key that indexes or names data ({@code --sort-key}), not one that unlocks something. */
  private static final Set<String> DATA_KEY_QUALIFIERS =
      Set.of(
          "sort",
          "primary",
          "partition",
          "range",
          "foreign",
          "cache",
          "group",
          "hash",
          "lookup",
          "public",
          "dict",
          "map",
          "index",
          "order",
          "object",
          "s3",
          "bucket",
          "metadata",
          "idempotency",
          "reg",
          "registry");

  /** English words that end in "pass" without being one ({@code --bypass}). */
  private static final Set<String> NOT_PASSES =
      Set.of("bypass", "compass", "surpass", "trespass", "overpass", "underpass", "encompass");

  /** Joined words that end in "key" and name a credential ({@code --secretkey}). */
  private static final Set<String> KEY_OWNERS =
      Set.of(
          "api",
          "secret",
          "private",
          "access",
          "signing",
          "encryption",
          "master",
          "license",
          "auth");

  private static final String AUTO_ENVVAR_PREFIX = "auto_envvar_prefix";

  /** An option whose last word is one of these names where a secret is, not the secret. */
  private static final Set<String> REFERENCE_WORDS =
      Set.of(
          "file",
          "path",
          "dir",
          "name",
          "id",
          "arn",
          "env",
          "var",
          "url",
          "type",
          "length",
          "prompt",
          "stdin",
          "command",
          "cmd",
          "helper",
          "source",
          "store",
          "location");

  private static final Set<String> SOURCE_KEYWORDS = Set.of("envvar", "prompt", "hide_input");
  private static final Set<String> FLAG_ACTIONS =
      Set.of("store_true", "store_false", "store_const", "count", "version", "help");

  /** The last parts of the callees {@link #framework} knows, spelled in the call or import. */
  private static final Set<String> OPTION_MAKERS = Set.of("add_argument", "option", "Option");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    boolean autoEnvvar =
        PythonCodebase.of(context.facts()).sourceModules().stream()
            .anyMatch(SecretCliOptions::setsAutoEnvvarPrefix);
    return ModuleFindings.outcome(
        context,
        module -> findings(module, autoEnvvar),
        "no CLI option takes a secret without an env-var or prompt source");
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    return findings(module, setsAutoEnvvarPrefix(module));
  }

  /**
   * {@code main(auto_envvar_prefix="APP")}, {@code context_settings=dict(auto_envvar_prefix=...)}
   * or {@code {"auto_envvar_prefix": ...}}, with a value other than None or False.
   */
  static boolean setsAutoEnvvarPrefix(PythonModule module) {
    // The keyword is spelled; the literal key below is a string.
    boolean named = module.mentions(AUTO_ENVVAR_PREFIX);
    for (Call call : named ? module.calls() : List.<Call>of()) {
      if (call.keyword(AUTO_ENVVAR_PREFIX).filter(SecretCliOptions::isSet).isPresent()) {
        return true;
      }
    }
    return module.literalPairs().stream()
        .anyMatch(pair -> pair.key().equals(AUTO_ENVVAR_PREFIX) && isSet(pair.value()));
  }

  private static boolean isSet(PyValue value) {
    return !value.isNone() && !value.isFalse();
  }

  private List<Evidence> findings(PythonModule module, boolean autoEnvvar) {
    List<Evidence> findings = new ArrayList<>();
    if (!module.mentionsAny(OPTION_MAKERS)) {
      return findings;
    }
    for (Call call : module.calls()) {
      Optional<String> framework = framework(call);
      if (framework.isEmpty()
          || isFlag(call)
          || hasSource(call)
          || call.kwargsSplat()
          || takesAReference(call)) {
        continue;
      }
      if (autoEnvvar && !framework.get().equals("argparse")) {
        continue;
      }
      for (String option : optionNames(call)) {
        if (isSecretName(option)) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  // The framework goes first: a word after the option ("--token (argparse)")
                  // would read as its value and be redacted from the evidence.
                  framework.get()
                      + " option "
                      + option
                      + " takes a secret on the command line without an env-var or prompt"
                      + " source"));
          break;
        }
      }
    }
    return findings;
  }

  private static Optional<String> framework(Call call) {
    if (call.name().equals("add_argument") && !call.receiver().isEmpty()) {
      return Optional.of("argparse");
    }
    if (call.callee().equals("click.option")) {
      return Optional.of("click");
    }
    if (call.callee().equals("typer.Option")) {
      return Optional.of("typer");
    }
    return Optional.empty();
  }

  private static List<String> optionNames(Call call) {
    List<String> names = new ArrayList<>();
    for (PyValue value : call.positional()) {
      if (value instanceof PyValue.Str str && str.value().startsWith("-")) {
        names.add(str.value());
      }
    }
    if (names.isEmpty() && call.callee().equals("typer.Option") && !call.parameter().isEmpty()) {
      names.add("--" + call.parameter().replace('_', '-'));
    }
    return names;
  }

  /**
   * Whether the option's value is a file or path holding the secret, not the secret: an alias or
   * {@code dest=} ending in a reference word ({@code '--private-key', '--key-file'}, {@code
   * dest='private_key_file'}) or a {@code type=} naming a file or path ({@code
   * type=readable_file_arg}, {@code type=unfrack_path()}, {@code argparse.FileType('r')}, {@code
   * click.Path()}).
   */
  private static boolean takesAReference(Call call) {
    for (PyValue value : call.positional()) {
      if (value instanceof PyValue.Str str && str.value().startsWith("-") && isReference(str)) {
        return true;
      }
    }
    Optional<PyValue> dest = call.keyword("dest");
    if (dest.isPresent() && dest.get() instanceof PyValue.Str str && isReference(str)) {
      return true;
    }
    Optional<PyValue> type = call.keyword("type");
    if (type.isEmpty()) {
      return false;
    }
    String text = "";
    if (type.get() instanceof PyValue.Name name) {
      text = name.dotted();
    } else if (type.get() instanceof PyValue.Expr expr) {
      text = expr.text();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("file") || lower.contains("path");
  }

  private static boolean isReference(PyValue.Str option) {
    String[] words =
        option
            .value()
            .replaceFirst("^-+", "")
            .toLowerCase(Locale.ROOT)
            .replace('_', '-')
            .split("-");
    return words.length > 0 && REFERENCE_WORDS.contains(words[words.length - 1]);
  }

  private static boolean isFlag(Call call) {
    Optional<PyValue> action = call.keyword("action");
    if (action.isPresent()
        && action.get() instanceof PyValue.Str str
        && FLAG_ACTIONS.contains(str.value())) {
      return true;
    }
    return call.keyword("is_flag").filter(v -> v instanceof PyValue.Bool b && b.value()).isPresent()
        || call.keyword("count").filter(v -> v instanceof PyValue.Bool b && b.value()).isPresent();
  }

  private static boolean hasSource(Call call) {
    for (String keyword : SOURCE_KEYWORDS) {
      Optional<PyValue> value = call.keyword(keyword);
      if (value.isPresent() && !value.get().isFalse() && !value.get().isNone()) {
        return true;
      }
    }
    Optional<PyValue> fallback = call.keyword("default");
    if (fallback.isPresent() && fallback.get() instanceof PyValue.Expr expr) {
      return expr.text().contains("environ") || expr.text().contains("getenv");
    }
    return false;
  }

  /**
   * Whether an option like {@code --client-secret} names a secret value (not a file holding it).
   */
  static boolean isSecretName(String option) {
    String name = option.replaceFirst("^-+", "").toLowerCase(Locale.ROOT).replace('_', '-');
    String[] words = name.split("-");
    if (words.length == 0 || words[0].equals("no")) {
      return false;
    }
    if (REFERENCE_WORDS.contains(words[words.length - 1])) {
      return false;
    }
    if (endsInSecret(words)) {
      return true;
    }
    for (int i = 0; i < words.length; i++) {
      if (SECRET_WORDS.contains(words[i])) {
        return true;
      }
      if (words[i].equals("api") && i + 1 < words.length && words[i + 1].equals("key")) {
        return true;
      }
      if (words[i].equals("private") && i + 1 < words.length && words[i + 1].equals("key")) {
        return true;
      }
    }
    return false;
  }

  /** {@code --db-pass}, {@code --signing-key}, {@code --keystore-pass}, {@code --clientsecret}. */
  private static boolean endsInSecret(String[] words) {
    String last = words[words.length - 1];
    String before = words.length > 1 ? words[words.length - 2] : "";
    if (last.equals("key")) {
      return !DATA_KEY_QUALIFIERS.contains(before);
    }
    if (SECRET_ENDINGS.contains(last)) {
      return true;
    }
    if (last.endsWith("key")) {
      return KEY_OWNERS.contains(last.substring(0, last.length() - 3));
    }
    if (last.endsWith("pass")) {
      return last.length() > 5 && !NOT_PASSES.contains(last);
    }
    return last.endsWith("passphrase") || last.endsWith("secret") || last.endsWith("token");
  }
}
