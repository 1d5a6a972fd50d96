package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.LambdaHandlers;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT family F19): where product code shows that an API does something the
 * standard wants audited. Each answer is the first sign found, or empty: it authenticates (JWT
 * decoding, FastAPI security schemes, Django/Flask-Login login, DRF authentication classes, a
 * Lambda authorizer), it denies (403 statuses, {@code PermissionDenied}/{@code Forbidden}, DRF
 * permission classes), it guards privileged operations ({@code is_superuser}, {@code is_staff},
 * {@code is_admin}, {@code IsAdminUser}, {@code role == "admin"}, staff/permission decorators,
 * admin scopes), or it exports data (a route whose path or handler name holds export, download,
 * bulk or dump).
 */
final class AuditSignals {

  static final Fact<Signals> FACT = Fact.of("obs-audit-signals", AuditSignals::read);

  record Signals(
      Optional<Evidence> authenticates,
      Optional<Evidence> denies,
      Optional<Evidence> privileged,
      Optional<Evidence> exports) {}

  private static final Set<String> AUTH_CALLS =
      Set.of(
          "jwt.decode",
          "jose.jwt.decode",
          "authlib.jose.jwt.decode",
          "django.contrib.auth.authenticate",
          "django.contrib.auth.login",
          "flask_login.login_user",
          "flask_jwt_extended.verify_jwt_in_request",
          "flask_httpauth.HTTPBasicAuth",
          "flask_httpauth.HTTPTokenAuth");
  private static final Set<String> AUTH_DECORATORS =
      Set.of(
          "flask_jwt_extended.jwt_required",
          "flask_login.login_required",
          "django.contrib.auth.decorators.login_required");

  /**
   * FastAPI's holder of the scopes a dependency requires, built for every request that declares it:
   * a value passed to security dependencies, not a security scheme.
   */
  private static final String SECURITY_SCOPES = "SecurityScopes";

  private static final Set<String> DENIALS =
      Set.of("PermissionDenied", "Forbidden", "HTTPForbidden", "HttpResponseForbidden");
  private static final Pattern PRIVILEGE_CODE =
      Pattern.compile(
          "\\.(is_superuser|is_staff|is_admin)\\b|\\brole\\s*==\\s*['\"]admin['\"]"
              + "|(?<!class )\\bIsAdminUser\\b");

  /** Words every privilege-check match contains, so the expression runs on few files. */
  private static final List<String> PRIVILEGE_WORDS =
      List.of("is_superuser", "is_staff", "admin", "IsAdminUser");

  private static final List<String> PRIVILEGE_DECORATORS =
      List.of("staff_member_required", "permission_required", "superuser_required");
  private static final List<String> EXPORT_WORDS = List.of("export", "download", "bulk", "dump");
  private static final Set<String> ROUTE_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "route", "api_route");
  private static final Set<String> URL_CALLS =
      Set.of("django.urls.path", "django.urls.re_path", "django.conf.urls.url");

  /*
   * Prefilters (PythonModule#mentionsAny): every part of a resolved callee, decorator or import is
   * spelled as a name in the module (in the call, the decorator or the import it resolves
   * through), and so are keyword-argument names and assignment targets. A module that spells none
   * of these names cannot hold the sign they guard; string keys, numbers and string values (403,
   * "statusCode", DEFAULT_*_CLASSES dict keys) are never prefiltered.
   */
  /** The last parts of AUTH_CALLS and AUTH_DECORATORS, and the part fastapi.security.* has. */
  private static final Set<String> AUTH_NAMES =
      Set.of(
          "decode",
          "authenticate",
          "login",
          "login_user",
          "verify_jwt_in_request",
          "HTTPBasicAuth",
          "HTTPTokenAuth",
          "jwt_required",
          "login_required",
          "security");

  /** The import names that show a denial. */
  private static final Set<String> DENIAL_IMPORTS =
      Set.of(
          "PermissionDenied",
          "Forbidden",
          "HTTPForbidden",
          "HttpResponseForbidden",
          "HTTP_403_FORBIDDEN");

  /** ROUTE_VERBS and the last parts of URL_CALLS. */
  private static final Set<String> ROUTE_NAMES =
      Set.of(
          "get", "post", "put", "patch", "delete", "route", "api_route", "path", "re_path", "url");

  private AuditSignals() {}

  /** The first sign of each kind in one module. */
  private record ModuleSigns(
      Optional<Evidence> authenticates,
      Optional<Evidence> denies,
      Optional<Evidence> privileged,
      Optional<Evidence> exports) {}

  private static Signals read(Facts facts) {
    // Modules are independent: looked at on every core, the first sign taken in path order.
    PythonSources sources = facts.get(PythonSources.FACT);
    List<ModuleSigns> signs =
        PythonCodebase.of(facts).productModules().parallelStream()
            .map(
                module ->
                    new ModuleSigns(
                        authenticates(module),
                        denies(module, sources),
                        privilegedDecorator(module),
                        exportRoute(module)))
            .toList();
    Optional<Evidence> auth = first(signs, ModuleSigns::authenticates);
    Optional<Evidence> deny = first(signs, ModuleSigns::denies);
    Optional<Evidence> privileged = first(signs, ModuleSigns::privileged);
    Optional<Evidence> exports = first(signs, ModuleSigns::exports);
    auth =
        auth.or(
            () ->
                facts.get(LambdaHandlers.FACT).stream()
                    .filter(LambdaHandlers.Handler::authorizer)
                    .findFirst()
                    .map(
                        h -> Evidence.at(h.path(), h.line(), "Lambda authorizer " + h.function())));
    privileged = privileged.or(() -> privilegeCheck(sources));
    return new Signals(auth, deny, privileged, exports);
  }

  /**
   * What {@code PythonSources.find(word, PRIVILEGE_CODE, ...)} answers for the first of
   * PRIVILEGE_WORDS that finds anything, in one pass over the files instead of one per word: for
   * each word, the first file (in path order) whose code holds it and matches, at its first match.
   */
  private static Optional<Evidence> privilegeCheck(PythonSources sources) {
    Evidence[] firstByWord = new Evidence[PRIVILEGE_WORDS.size()];
    for (String path : sources.paths()) {
      if (firstByWord[0] != null) {
        break;
      }
      Optional<String> code = sources.code(path);
      if (code.isEmpty()) {
        continue;
      }
      String text = code.get();
      boolean searched = false;
      Evidence match = null;
      for (int i = 0; i < firstByWord.length; i++) {
        if (firstByWord[i] != null || !text.contains(PRIVILEGE_WORDS.get(i))) {
          continue;
        }
        if (!searched) {
          Matcher m = PRIVILEGE_CODE.matcher(text);
          if (m.find()) {
            match =
                Evidence.at(
                    path,
                    TextLines.lineAt(text, m.start()),
                    "a privilege check guards an operation");
          }
          searched = true;
        }
        firstByWord[i] = match;
      }
    }
    for (Evidence found : firstByWord) {
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> first(
      List<ModuleSigns> signs, Function<ModuleSigns, Optional<Evidence>> kind) {
    for (ModuleSigns sign : signs) {
      Optional<Evidence> found = kind.apply(sign);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> authenticates(PythonModule module) {
    if (module.mentionsAny(AUTH_NAMES)) {
      for (Call call : module.calls()) {
        if (AUTH_CALLS.contains(call.callee())
            || (call.callee().startsWith("fastapi.security.")
                && !call.name().equals(SECURITY_SCOPES))) {
          return Optional.of(at(module, call.line(), call.written() + "(...) authenticates"));
        }
      }
      for (Decorator decorator : module.decorators()) {
        if (AUTH_DECORATORS.contains(decorator.name())) {
          return Optional.of(
              at(
                  module,
                  decorator.line(),
                  "@" + decorator.name() + " requires an authenticated user"));
        }
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("DEFAULT_AUTHENTICATION_CLASSES")) {
        return Optional.of(at(module, pair.line(), "DRF authentication classes"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> denies(PythonModule module, PythonSources sources) {
    boolean namesDenial = module.mentionsAny(DENIALS);
    for (Call call : module.calls()) {
      if ((namesDenial && DENIALS.contains(call.name())) || forbiddenStatus(call)) {
        return Optional.of(at(module, call.line(), call.written() + "(...) denies with 403"));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if ((pair.key().equals("statusCode") && forbidden(pair.value()))
          || pair.key().equals("DEFAULT_PERMISSION_CLASSES")) {
        return Optional.of(at(module, pair.line(), "requests can be denied (" + pair.key() + ")"));
      }
    }
    if (module.mentionsAny(DENIAL_IMPORTS)) {
      for (Map.Entry<String, String> imported : module.imports().entrySet()) {
        String last = imported.getValue().substring(imported.getValue().lastIndexOf('.') + 1);
        if (DENIAL_IMPORTS.contains(last)) {
          return Optional.of(
              at(
                  module,
                  importLine(sources, module, last),
                  "imports " + last + ": requests can be denied"));
        }
      }
    }
    return Optional.empty();
  }

  /** The line of the first whole-word {@code name} in the module's code: its import. */
  private static int importLine(PythonSources sources, PythonModule module, String name) {
    Optional<String> code = sources.code(module.path());
    if (code.isEmpty()) {
      return 1;
    }
    String text = code.get();
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int end = at + name.length();
      boolean before = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
      boolean after = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
      if (before && after) {
        return TextLines.lineAt(text, at);
      }
    }
    return 1;
  }

  /** A 403 among the call's positional arguments or as its {@code status_code=}/{@code status=}. */
  private static boolean forbiddenStatus(Call call) {
    List<PyValue> positional = call.positional();
    for (int i = 0; i < positional.size(); i++) {
      if (forbidden(positional.get(i))) {
        return true;
      }
    }
    if (call.keywords().isEmpty()) {
      return false;
    }
    PyValue statusCode = call.keywords().get("status_code");
    if (statusCode != null && forbidden(statusCode)) {
      return true;
    }
    PyValue status = call.keywords().get("status");
    return status != null && forbidden(status);
  }

  private static boolean forbidden(PyValue value) {
    if (value instanceof PyValue.Num num) {
      return num.text().equals("403");
    }
    String text = ModuleValues.text(value);
    return text.endsWith("HTTP_403_FORBIDDEN") || text.endsWith("HTTPStatus.FORBIDDEN");
  }

  private static Optional<Evidence> privilegedDecorator(PythonModule module) {
    for (Decorator decorator : module.decorators()) {
      String name = decorator.name();
      for (String privilege : PRIVILEGE_DECORATORS) {
        if (name.endsWith(privilege)) {
          return Optional.of(at(module, decorator.line(), "@" + name + " guards an operation"));
        }
      }
    }
    if (module.mentions("scopes")) {
      for (Call call : module.calls()) {
        PyValue scopes = call.keywords().get("scopes");
        if (scopes != null && ModuleValues.text(scopes).contains("admin")) {
          return Optional.of(at(module, call.line(), "an admin scope guards an operation"));
        }
      }
    }
    if (module.mentions("permission_classes")) {
      for (Assignment assignment : module.assignments()) {
        if (assignment.name().equals("permission_classes")
            && ModuleValues.text(assignment.value()).contains("IsAdminUser")) {
          return Optional.of(at(module, assignment.line(), "IsAdminUser guards an operation"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> exportRoute(PythonModule module) {
    if (!module.mentionsAny(ROUTE_NAMES)) {
      return Optional.empty();
    }
    for (FunctionDef def : module.functions()) {
      if (routeDecorated(def) && exportWord(def.name())) {
        return Optional.of(at(module, def.line(), "route " + def.name() + " exports data"));
      }
    }
    for (Call call : module.calls()) {
      if ((ROUTE_VERBS.contains(call.name()) || URL_CALLS.contains(call.callee()))
          && !call.positional().isEmpty()
          && call.positional().get(0) instanceof PyValue.Str path
          && exportWord(path.value())
          && (URL_CALLS.contains(call.callee()) || isDecorator(module, call))) {
        return Optional.of(at(module, call.line(), "route " + path.value() + " exports data"));
      }
    }
    return Optional.empty();
  }

  private static boolean routeDecorated(FunctionDef def) {
    for (String decorator : def.decorators()) {
      if (ROUTE_VERBS.contains(decorator.substring(decorator.lastIndexOf('.') + 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean exportWord(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : EXPORT_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDecorator(PythonModule module, Call call) {
    return module.decorators().stream()
        .anyMatch(d -> d.line() == call.line() && d.called() && d.name().equals(call.callee()));
  }

  private static Evidence at(PythonModule module, int line, String message) {
    return Evidence.at(module.path(), line, message);
  }
}
