package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.Route;
import dev.fleetcheck.core.rules.detect.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-CTR-015 (assisted), the home for persistence models in the API (RULES-NEXT D4): (a) a route's
 * {@code response_model=} (alone or inside {@code list[...]}) naming a persistence class, resolved
 * through the module's own classes and imports: a subclass of SQLAlchemy {@code DeclarativeBase},
 * of a {@code declarative_base()}, of {@code db.Model}, Django {@code models.Model}, SQLModel with
 * {@code table=True}, Beanie/ODMantic {@code Document}/{@code Model}, directly or through other
 * such classes; (b) a DRF {@code ModelSerializer} with {@code fields = "__all__"}; (c) {@code
 * jsonify(<obj>.__dict__)}. Return and body-parameter annotations and {@code model_to_dict} are not
 * read.
 */
public final class PersistenceModelsInApi implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CTR-015",
              Set.of(Profile.API),
              "Answer with API schemas (pydantic models, serializers listing their fields), not"
                  + " ORM classes or their __dict__; map between them at the edge.")
          .defined(
              "FAIL per route whose response_model is (a list of) a persistence class"
                  + " (SQLAlchemy/Flask-SQLAlchemy/Django/SQLModel table/Beanie/ODMantic model,"
                  + " resolved through imports), per DRF ModelSerializer with fields = \"__all__\","
                  + " and per jsonify(obj.__dict__). Return and parameter annotations are not read."
                  + " Narrowed: a ModelSerializer class defined inside a function (a serializer"
                  + " built at run time for a model the caller passes, such as DRF's own nested"
                  + " serializers for depth=) is not a route's contract and is not flagged."
                  + " NOT_APPLICABLE without product code.",
              Effort.MEDIUM);

  private static final Set<String> ORM_ROOTS =
      Set.of(
          "sqlalchemy",
          "sqlmodel",
          "django",
          "flask_sqlalchemy",
          "beanie",
          "odmantic",
          "rest_framework");
  private static final Set<String> BASE_FACTORIES =
      Set.of(
          "sqlalchemy.orm.declarative_base",
          "sqlalchemy.ext.declarative.declarative_base",
          "sqlalchemy.orm.decl_api.declarative_base");
  private static final Pattern ROOT_BASES =
      Pattern.compile(
          "\\b(?:DeclarativeBase|DeclarativeBaseNoMeta|db\\.Model|models\\.Model|Document)\\b");
  private static final Pattern CLASS_HEADER =
      Pattern.compile("^class\\s+(\\w+)\\s*\\((.*)\\)\\s*:$", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*");

  /** A class defined in product code. */
  private record ClassInfo(String modulePath, String name, String bases, int line) {}

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    List<PythonModule> modules = codebase.productModules();
    if (modules.isEmpty()) {
      return Outcome.notApplicable("no Python product code");
    }
    List<Evidence> findings = new ArrayList<>();
    Set<String> persistent = persistentClasses(context.facts(), modules, findings);
    for (PythonModule module : modules) {
      // A finding needs a response_model= keyword or a jsonify call, each spelled as a name.
      if (module.mentions("response_model")) {
        routeFindings(module, persistent, findings);
      }
      if (!module.mentions("jsonify")) {
        continue;
      }
      for (Call call : module.calls()) {
        if (call.callee().equals("flask.jsonify")
            && !call.positional().isEmpty()
            && sourceOf(call.positional().get(0)).endsWith(".__dict__")) {
          findings.add(
              Evidence.at(
                  module.path(),
                  call.line(),
                  "jsonify of an object's __dict__ exposes its internals"));
        }
      }
    }
    findings.sort(null);
    return Outcome.assisted(findings);
  }

  private static void routeFindings(
      PythonModule module, Set<String> persistent, List<Evidence> findings) {
    for (Route route : Routes.of(module)) {
      Optional<PyValue> model = route.decorator().keyword("response_model");
      Optional<String> named = model.flatMap(PersistenceModelsInApi::modelName);
      if (named.isPresent() && known(persistent, qualified(module, named.get()))) {
        findings.add(
            Evidence.at(
                module.path(),
                route.decorator().line(),
                "route "
                    + route.function().name()
                    + " answers with the persistence class "
                    + named.get()
                    + ": expose an API schema instead"));
      }
    }
  }

  private static String root(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }

  /** "path-dotted:Class" of every persistence class; DRF __all__ serializers land in findings. */
  private static Set<String> persistentClasses(
      Facts facts, List<PythonModule> modules, List<Evidence> findings) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    List<ClassInfo> classes = new ArrayList<>();
    Set<String> baseNames = new HashSet<>();
    for (PythonModule module : modules) {
      // An import spells its root as a name, so a module that spells no ORM root imports none.
      if (module.classes().isEmpty() || !module.mentionsAny(ORM_ROOTS)) {
        continue;
      }
      boolean orm = module.imports().values().stream().anyMatch(v -> ORM_ROOTS.contains(root(v)));
      if (!orm) {
        continue;
      }
      for (Binding binding : module.bindings()) {
        if (BASE_FACTORIES.contains(binding.callee())) {
          baseNames.add(binding.name());
        }
      }
      Optional<Blocks> blocks = codebase.blocks(module.path());
      if (blocks.isEmpty()) {
        continue;
      }
      for (Blocks.Block block : blocks.get().of(Blocks.Kind.CLASS)) {
        Matcher header = CLASS_HEADER.matcher(block.header().strip());
        if (header.matches()) {
          classes.add(new ClassInfo(module.path(), header.group(1), header.group(2), block.line()));
        }
      }
      allFields(module, blocks.get(), findings);
    }
    Map<String, String> persistent = new HashMap<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ClassInfo info : classes) {
        String key = dotted(info.modulePath()) + ":" + info.name();
        if (!persistent.containsKey(key) && persistentBases(info.bases(), baseNames, persistent)) {
          persistent.put(key, info.name());
          grew = true;
        }
      }
    }
    return persistent.keySet();
  }

  private static boolean persistentBases(
      String bases, Set<String> baseNames, Map<String, String> persistent) {
    if (ROOT_BASES.matcher(bases).find()) {
      return true;
    }
    if (bases.contains("SQLModel") && bases.replace(" ", "").contains("table=True")) {
      return true;
    }
    Matcher names = NAME.matcher(bases);
    while (names.find()) {
      String last = names.group().substring(names.group().lastIndexOf('.') + 1);
      if (baseNames.contains(last) || persistent.containsValue(last)) {
        return true;
      }
    }
    return false;
  }

  /** DRF ModelSerializer classes with fields = "__all__". */
  private static void allFields(PythonModule module, Blocks blocks, List<Evidence> findings) {
    for (Assignment assignment : module.assignments()) {
      if (assignment.target().equals("fields")
          && assignment.value() instanceof PyValue.Str str
          && str.value().equals("__all__")) {
        boolean serializer =
            blocks.of(Blocks.Kind.CLASS).stream()
                .anyMatch(
                    c -> c.spans(assignment.line()) && c.header().contains("ModelSerializer"));
        if (serializer && blocks.enclosingDef(assignment.line()).isEmpty()) {
          findings.add(
              Evidence.at(
                  module.path(),
                  assignment.line(),
                  "ModelSerializer with fields = \"__all__\" exposes every model column"));
        }
      }
    }
  }

  private static String sourceOf(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return name.dotted();
    }
    return value instanceof PyValue.Expr expr ? expr.text().strip() : "";
  }

  private static Optional<String> modelName(PyValue value) {
    if (value instanceof PyValue.Name name) {
      return Optional.of(name.dotted());
    }
    if (value instanceof PyValue.Expr expr) {
      Matcher list =
          Pattern.compile("^(?:typing\\.)?(?:list|List|Sequence)\\[\\s*([\\w.]+)\\s*\\]$")
              .matcher(expr.text().strip());
      if (list.matches()) {
        return Optional.of(list.group(1));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is one of the classes, also from a relative or rooted import. */
  private static boolean known(Set<String> classes, String name) {
    String tail = "." + name.replaceFirst("^\\.+", "");
    return classes.stream().anyMatch(c -> c.equals(name) || ("." + c).endsWith(tail));
  }

  /** "path-dotted:Class" for a class named in {@code module}, through its imports. */
  private static String qualified(PythonModule module, String name) {
    int dot = name.indexOf('.');
    String head = dot < 0 ? name : name.substring(0, dot);
    String imported = module.imports().get(head);
    if (imported == null) {
      return dotted(module.path()) + ":" + name;
    }
    String full = dot < 0 ? imported : imported + name.substring(dot);
    int last = full.lastIndexOf('.');
    return last < 0 ? full : full.substring(0, last) + ":" + full.substring(last + 1);
  }

  private static String dotted(String path) {
    String noSuffix = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    if (noSuffix.endsWith("/__init__")) {
      noSuffix = noSuffix.substring(0, noSuffix.length() - "/__init__".length());
    }
    if (noSuffix.startsWith("src/")) {
      noSuffix = noSuffix.substring(4);
    }
    return noSuffix.replace('/', '.');
  }
}
