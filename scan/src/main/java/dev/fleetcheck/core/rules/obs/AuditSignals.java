package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
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
  private static final Set<String> DENIALS =
      Set.of("PermissionDenied", "Forbidden", "HTTPForbidden", "HttpResponseForbidden");
  private static final Pattern PRIVILEGE_CODE =
      Pattern.compile(
          "\\.(is_superuser|is_staff|is_admin)\\b|\\brole\\s*==\\s*['\"]admin['\"]|\\bIsAdminUser\\b");

  /** Words every privilege-check match contains, so the expression runs on few files. */
  private static final List<String> PRIVILEGE_WORDS =
      List.of("is_superuser", "is_staff", "admin", "IsAdminUser");

  private static final List<String> PRIVILEGE_DECORATORS =
      List.of("staff_member_required", "permission_required", "superuser_required");
  private static final Pattern EXPORT_WORD = Pattern.compile("export|download|bulk|dump");
  private static final Set<String> ROUTE_VERBS =
      Set.of("get", "post", "put", "patch", "delete", "route", "api_route");
  private static final Set<String> URL_CALLS =
      Set.of("django.urls.path", "django.urls.re_path", "django.conf.urls.url");

  private AuditSignals() {}

  private static Signals read(Facts facts) {
    Optional<Evidence> auth = Optional.empty();
    Optional<Evidence> deny = Optional.empty();
    Optional<Evidence> privileged = Optional.empty();
    Optional<Evidence> exports = Optional.empty();
    for (PythonModule module : PythonCodebase.of(facts).productModules()) {
      auth = auth.or(() -> authenticates(module));
      deny = deny.or(() -> denies(module));
      privileged = privileged.or(() -> privilegedDecorator(module));
      exports = exports.or(() -> exportRoute(module));
    }
    auth =
        auth.or(
            () ->
                facts.get(LambdaHandlers.FACT).stream()
                    .filter(LambdaHandlers.Handler::authorizer)
                    .findFirst()
                    .map(
                        h -> Evidence.at(h.path(), h.line(), "Lambda authorizer " + h.function())));
    privileged =
        privileged.or(
            () ->
                PRIVILEGE_WORDS.stream()
                    .map(
                        word ->
                            facts
                                .get(PythonSources.FACT)
                                .find(
                                    word, PRIVILEGE_CODE, "a privilege check guards an operation"))
                    .flatMap(Optional::stream)
                    .findFirst());
    return new Signals(auth, deny, privileged, exports);
  }

  private static Optional<Evidence> authenticates(PythonModule module) {
    for (Call call : module.calls()) {
      if (AUTH_CALLS.contains(call.callee()) || call.callee().startsWith("fastapi.security.")) {
        return Optional.of(at(module, call.line(), call.written() + "(...) authenticates"));
      }
    }
    for (Decorator decorator : module.decorators()) {
      if (AUTH_DECORATORS.contains(decorator.name())) {
        return Optional.of(at(module, decorator.line(), "@" + decorator.name() + " authenticates"));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals("DEFAULT_AUTHENTICATION_CLASSES")) {
        return Optional.of(at(module, pair.line(), "DRF authentication classes"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> denies(PythonModule module) {
    for (Map.Entry<String, String> imported : module.imports().entrySet()) {
      String last = imported.getValue().substring(imported.getValue().lastIndexOf('.') + 1);
      if (DENIALS.contains(last) || last.equals("HTTP_403_FORBIDDEN")) {
        return Optional.of(at(module, 1, "imports " + last + ": requests can be denied"));
      }
    }
    for (Call call : module.calls()) {
      boolean status =
          call.positional().stream().anyMatch(AuditSignals::forbidden)
              || call.keyword("status_code").filter(AuditSignals::forbidden).isPresent()
              || call.keyword("status").filter(AuditSignals::forbidden).isPresent();
      if (status || DENIALS.contains(call.name())) {
        return Optional.of(at(module, call.line(), call.written() + "(...) denies with 403"));
      }
    }
    for (LiteralPair pair : module.literalPairs()) {
      if ((pair.key().equals("statusCode") && forbidden(pair.value()))
          || pair.key().equals("DEFAULT_PERMISSION_CLASSES")) {
        return Optional.of(at(module, pair.line(), "requests can be denied (" + pair.key() + ")"));
      }
    }
    return Optional.empty();
  }

  private static boolean forbidden(PyValue value) {
    return (value instanceof PyValue.Num num && num.text().equals("403"))
        || ModuleValues.text(value).endsWith("HTTP_403_FORBIDDEN")
        || ModuleValues.text(value).endsWith("HTTPStatus.FORBIDDEN");
  }

  private static Optional<Evidence> privilegedDecorator(PythonModule module) {
    for (Decorator decorator : module.decorators()) {
      String name = decorator.name();
      if (PRIVILEGE_DECORATORS.stream().anyMatch(name::endsWith)) {
        return Optional.of(at(module, decorator.line(), "@" + name + " guards an operation"));
      }
    }
    for (Call call : module.calls()) {
      Optional<PyValue> scopes = call.keyword("scopes");
      if (scopes.isPresent() && ModuleValues.text(scopes.get()).contains("admin")) {
        return Optional.of(at(module, call.line(), "an admin scope guards an operation"));
      }
    }
    for (Assignment assignment : module.assignments()) {
      if (assignment.name().equals("permission_classes")
          && ModuleValues.text(assignment.value()).contains("IsAdminUser")) {
        return Optional.of(at(module, assignment.line(), "IsAdminUser guards an operation"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Evidence> exportRoute(PythonModule module) {
    for (FunctionDef def : module.functions()) {
      boolean route =
          def.decorators().stream()
              .anyMatch(d -> ROUTE_VERBS.contains(d.substring(d.lastIndexOf('.') + 1)));
      if (route && EXPORT_WORD.matcher(def.name().toLowerCase(Locale.ROOT)).find()) {
        return Optional.of(at(module, def.line(), "route " + def.name() + " exports data"));
      }
    }
    for (Call call : module.calls()) {
      boolean route =
          URL_CALLS.contains(call.callee())
              || (ROUTE_VERBS.contains(call.name()) && isDecorator(module, call));
      if (route
          && !call.positional().isEmpty()
          && call.positional().get(0) instanceof PyValue.Str path
          && EXPORT_WORD.matcher(path.value().toLowerCase(Locale.ROOT)).find()) {
        return Optional.of(at(module, call.line(), "route " + path.value() + " exports data"));
      }
    }
    return Optional.empty();
  }

  private static boolean isDecorator(PythonModule module, Call call) {
    return module.decorators().stream()
        .anyMatch(d -> d.line() == call.line() && d.called() && d.name().equals(call.callee()));
  }

  private static Evidence at(PythonModule module, int line, String message) {
    return Evidence.at(module.path(), line, message);
  }
}
