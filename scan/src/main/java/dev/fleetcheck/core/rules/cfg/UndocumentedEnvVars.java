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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Up to this many names, each is searched for; past it, one pass over the words serves all. */
  private static final int FEW_NAMES = 16;

  private static final Set<String> ENV_SAMPLES =
      Set.of(".env.example", ".env.sample", ".env.template", "env.example", "example.env");

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
        if (isWord(variable.name())) {
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
      if (isWord(name)) {
        return words.contains(name);
      }
      return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
          .matcher(text)
          .find();
    }
  }

  /**
   * One pass over each documentation file for every wanted name, instead of one regular expression
   * search per variable over all of them; reading stops once every name is found, unless the text
   * itself is needed. The files used to be joined with a line end between them, which is not a word
   * character, so looking at them one by one finds the same words.
   */
  private static Documentation read(RuleContext context, Set<String> wanted, boolean keepText) {
    if (!keepText) {
      // Files are independent: read on every core, each skipped once every name is found.
      Set<String> found = ConcurrentHashMap.newKeySet();
      context.snapshot().files().parallelStream()
          .filter(UndocumentedEnvVars::documentation)
          .forEach(
              file -> {
                if (found.size() < wanted.size()) {
                  context
                      .snapshot()
                      .readBytes(file.path())
                      .ifPresent(b -> collectWords(b, wanted, found));
                }
              });
      return new Documentation(Set.copyOf(found), "");
    }
    Set<String> found = new HashSet<>();
    StringBuilder text = new StringBuilder();
    for (SourceFile file : context.snapshot().files()) {
      if (!documentation(file)) {
        continue;
      }
      Optional<String> content = context.snapshot().readText(file.path());
      if (content.isPresent()) {
        collectWords(content.get().getBytes(StandardCharsets.UTF_8), wanted, found);
        text.append(content.get()).append('\n');
      }
    }
    return new Documentation(found, text.toString());
  }

  /**
   * Adds to {@code found} the maximal runs of word characters in the UTF-8 {@code text} that are
   * wanted. Word characters are ASCII, and in UTF-8 (malformed sequences decoded leniently, as
   * {@link dev.fleetcheck.core.snapshot.RepoSnapshot#readText} does) every byte of a non-ASCII
   * character is 0x80 or above, so the bytes hold the same runs as the decoded text, without
   * decoding it.
   */
  private static void collectWords(byte[] text, Set<String> wanted, Set<String> found) {
    if (wanted.size() <= FEW_NAMES) {
      // Each byte as one char (ISO-8859-1), so that String.indexOf, a vectorised search, finds
      // each name; bytes of 0x80 and above stay non-word characters.
      String chars = new String(text, StandardCharsets.ISO_8859_1);
      for (String name : wanted) {
        if (!found.contains(name) && occursAsWord(chars, name)) {
          found.add(name);
        }
      }
      return;
    }
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (String name : wanted) {
      shortest = Math.min(shortest, name.length());
      longest = Math.max(longest, name.length());
    }
    int length = text.length;
    int i = 0;
    while (i < length && found.size() < wanted.size()) {
      if (!isWordChar((char) text[i])) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && isWordChar((char) text[i])) {
        i++;
      }
      int runLength = i - start;
      if (runLength >= shortest && runLength <= longest) {
        String word = new String(text, start, runLength, StandardCharsets.ISO_8859_1);
        if (wanted.contains(word)) {
          found.add(word);
        }
      }
    }
  }

  /** Whether {@code name} occurs in {@code text} as a maximal run of word characters. */
  private static boolean occursAsWord(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int end = at + name.length();
      if ((at == 0 || !isWordChar(text.charAt(at - 1)))
          && (end == text.length() || !isWordChar(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWord(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isWordChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean documentation(SourceFile file) {
    if (file.binary() || !file.contentReadable()) {
      return false;
    }
    String path = file.path();
    String name = file.name().toLowerCase(Locale.ROOT);
    return name.startsWith("readme") || path.startsWith("docs/") || ENV_SAMPLES.contains(name);
  }

  private static Set<String> shownByOptions(RuleContext context) {
    Set<String> shown = new HashSet<>();
    for (PythonModule module : PythonCodebase.of(context.facts()).productModules()) {
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
