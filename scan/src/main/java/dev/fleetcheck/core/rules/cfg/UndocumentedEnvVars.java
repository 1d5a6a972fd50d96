package dev.fleetcheck.core.rules.cfg;

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
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-CFG-004 (assisted): application environment variables ({@link EnvironmentVariables}) that no
 * documentation names: not in a README, under {@code docs/}, in an {@code .env.example}/{@code
 * .sample}/{@code .template}, nor shown by a click/typer option with {@code show_envvar=True}. How
 * each maps to an option stays for a reviewer.
 */
public final class UndocumentedEnvVars implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CFG-004",
              Set.of(Profile.CLI, Profile.API, Profile.LAMBDA),
              "Document every environment variable (README, docs/ or .env.example) with the option"
                  + " it maps to and its default.")
          .defined(
              "FAIL per application environment variable (the PY-CFG-003 list) whose name appears"
                  + " as a word in no README, nothing under `docs/`, no"
                  + " `.env.example`/`.env.sample`/`.env.template`, and no click/typer option with"
                  + " `show_envvar=True`. Settings-field descriptions are not read. NOT_APPLICABLE"
                  + " without application environment variables.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<EnvironmentVariables.Variable> variables = context.fact(EnvironmentVariables.FACT).all();
    if (variables.isEmpty()) {
      return Outcome.notApplicable("no application environment variables");
    }
    Set<String> shown = shownByOptions(context);
    Set<String> wanted = new HashSet<>();
    boolean otherNames = false;
    for (EnvironmentVariables.Variable variable : variables) {
      if (!shown.contains(variable.name())) {
        if (DocumentationFiles.isWord(variable.name())) {
          wanted.add(variable.name());
        } else {
          otherNames = true;
        }
      }
    }
    Documentation docs = read(context, wanted, otherNames);
    List<Evidence> findings = new ArrayList<>();
    for (EnvironmentVariables.Variable variable : variables) {
      boolean documented = shown.contains(variable.name()) || docs.names(variable.name());
      if (!documented) {
        findings.add(
            Evidence.at(
                variable.path(),
                variable.line(),
                variable.name() + " is documented nowhere (README, docs/, .env.example)"));
      }
    }
    return Outcome.assisted(findings);
  }

  /**
   * What the documentation says, as far as the variables need it: the {@code wanted} names it holds
   * as words, and its whole text (the files joined by line ends) only when some name is not a word
   * and has to be searched for with a regular expression.
   */
  private record Documentation(Set<String> words, String text) {

    /**
     * Whether {@code name} occurs with no letter, digit or underscore on either side. A name made
     * only of those characters occurs so exactly when it is one of the text's maximal runs of them.
     */
    boolean names(String name) {
      if (DocumentationFiles.isWord(name)) {
        return words.contains(name);
      }
      return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
          .matcher(text)
          .find();
    }
  }

  /**
   * The words come from {@link DocumentationFiles}, which reads the documentation once for this
   * check and PY-CTR-005, when every variable name is a word; otherwise the text is read here too.
   * The files used to be joined with a line end between them, which is not a word character, so
   * looking at them one by one finds the same words.
   */
  private static Documentation read(RuleContext context, Set<String> wanted, boolean keepText) {
    DocumentationFiles files = context.fact(DocumentationFiles.FACT);
    if (files.variablesSearched()) {
      return new Documentation(files.namedVariables(), "");
    }
    Set<String> found = new HashSet<>();
    StringBuilder text = new StringBuilder();
    for (SourceFile file : context.snapshot().files()) {
      if (!DocumentationFiles.documentation(file)) {
        continue;
      }
      Optional<String> content = context.snapshot().readText(file.path());
      if (content.isPresent()) {
        DocumentationFiles.collectWords(content.get(), wanted, found);
        if (keepText) {
          text.append(content.get()).append('\n');
        }
      }
    }
    return new Documentation(found, text.toString());
  }

  private static Set<String> shownByOptions(RuleContext context) {
    Set<String> shown = new HashSet<>();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
      // A show_envvar= keyword spells the name.
      if (!module.mentions("show_envvar")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (call.keyword("show_envvar").filter(v -> v.equals(new PyValue.Bool(true))).isPresent()) {
          call.keyword("envvar").ifPresent(v -> collect(v, shown));
        }
      }
    }
    return shown;
  }

  private static void collect(PyValue value, Set<String> into) {
    if (value instanceof PyValue.Str str) {
      into.add(str.value());
    } else if (value instanceof PyValue.Seq seq) {
      seq.items().forEach(v -> collect(v, into));
    }
  }
}
