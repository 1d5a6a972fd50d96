package dev.fleetcheck.core.rules.data;

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
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PY-DATA-001 (assisted): a raw request body read in a module with no validation at all. The reads
 * are FastAPI/Starlette {@code await request.json()}/{@code body()}/{@code form()}, Flask {@code
 * request.get_json()}, {@code json.loads(event["body"])} in Lambda code and {@code
 * json.loads(request.body)} in Django. A module that imports a validation library (pydantic,
 * marshmallow, wtforms, jsonschema, cerberus, voluptuous, webargs, flask-smorest, apiflask,
 * msgspec, Django forms, DRF serializers, powertools parser/validation/event_handler), imports a
 * name ending in {@code Schema}, {@code Model}, {@code Serializer} or {@code Form}, or calls a
 * validation method ({@code model_validate}, {@code parse_obj}, {@code validate}, {@code is_valid},
 * {@code load}, or a name ending in {@code _validate}: keystone's jsonschema wrapper {@code
 * validation.lazy_validate}) is given the benefit of the doubt. Not checked: route parameters typed
 * {@code dict}/{@code Any}, and Flask's {@code request.json}/{@code form}/{@code args} attribute
 * reads.
 */
public final class UnvalidatedRequestBodies implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-DATA-001",
              Set.of(Profile.CLI, Profile.API, Profile.LAMBDA),
              "Validate request bodies where they enter: a pydantic model (or marshmallow schema,"
                  + " DRF serializer, powertools parser) instead of reading raw JSON.")
          .defined(
              "FAIL per raw request-body read (FastAPI/Starlette `request.json()`/`body()`/"
                  + "`form()`, Flask `request.get_json()`, `json.loads(event[\"body\"])`,"
                  + " `json.loads(request.body)` in a module importing Django or DRF) in a module"
                  + " that imports no validation library"
                  + " (pydantic, marshmallow, wtforms, jsonschema, cerberus, voluptuous, webargs,"
                  + " flask-smorest, apiflask, msgspec, Django forms, DRF serializers, powertools"
                  + " parser/validation/event_handler), no `*Schema`/`*Model`/`*Serializer`/`*Form`"
                  + " name and calls no validation method (`model_validate`, `parse_obj`, `validate`,"
                  + " `is_valid`, `load`, or a name ending in `_validate` such as keystone's"
                  + " jsonschema wrapper `validation.lazy_validate`). Route parameters typed"
                  + " `dict`/`Any`, Flask"
                  + " attribute reads and CLI arguments are not checked. NOT_APPLICABLE without"
                  + " product code.",
              Effort.MEDIUM);

  private static final List<String> VALIDATION_LIBRARIES =
      List.of(
          "pydantic",
          "marshmallow",
          "wtforms",
          "flask_wtf",
          "jsonschema",
          "fastjsonschema",
          "cerberus",
          "voluptuous",
          "webargs",
          "flask_smorest",
          "apiflask",
          "msgspec",
          "django.forms",
          "rest_framework.serializers",
          "aws_lambda_powertools.utilities.parser",
          "aws_lambda_powertools.utilities.validation",
          "aws_lambda_powertools.event_handler");
  private static final List<String> MODEL_SUFFIXES =
      List.of("Schema", "Model", "Serializer", "Form");
  private static final Set<String> VALIDATION_METHODS =
      Set.of(
          "model_validate",
          "model_validate_json",
          "parse_obj",
          "parse_raw",
          "validate",
          "is_valid",
          "load",
          "validate_python");
  private static final Set<String> RAW_READS = Set.of("json", "body", "form");
  private static final Set<String> READ_NAMES = Set.of("json", "body", "form", "get_json", "loads");
  private static final Pattern EVENT_BODY =
      Pattern.compile(
          "^event\\s*(?:\\[\\s*[\"']body[\"']\\s*]|\\.get\\(\\s*[\"']body[\"']\\s*[,)].*)$");
  private static final Pattern DJANGO_BODY = Pattern.compile("^request\\.body$");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, UnvalidatedRequestBodies::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    // Every finding is a call named get_json, loads or one of the raw reads, and a call's last
    // name is spelled in the module's code.
    if (!module.mentionsAny(READ_NAMES)) {
      return List.of();
    }
    boolean asgi =
        module.imports().values().stream()
            .anyMatch(v -> v.startsWith("fastapi") || v.startsWith("starlette"));
    List<Evidence> findings = new ArrayList<>();
    for (Call call : module.calls()) {
      String read = null;
      String receiver = call.writtenReceiver();
      if (asgi
          && RAW_READS.contains(call.name())
          && (receiver.equals("request") || receiver.equals("req"))) {
        read = "request." + call.name() + "()";
      } else if (call.callee().equals("flask.request.get_json")) {
        read = "request.get_json()";
      } else if (call.callee().equals("json.loads") && call.positional().size() == 1) {
        String argument = text(call.positional().get(0));
        if (EVENT_BODY.matcher(argument).matches()) {
          read = "json.loads(" + argument + ")";
        } else if (DJANGO_BODY.matcher(argument).matches() && django(module)) {
          read = "json.loads(request.body)";
        }
      }
      if (read != null) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                read + " reads the raw request body in a module with no validation"));
      }
    }
    // Validation clears the module's reads; asked only when there are reads to clear.
    return findings.isEmpty() || validates(module) ? List.of() : findings;
  }

  /**
   * Whether the module is Django code: {@code request.body} is a Django request's only where Django
   * is imported (moto reads a botocore request's {@code body} the same way).
   */
  private static boolean django(PythonModule module) {
    return module.imports().values().stream()
        .anyMatch(
            v ->
                v.equals("django")
                    || v.startsWith("django.")
                    || v.equals("rest_framework")
                    || v.startsWith("rest_framework."));
  }

  private static boolean validates(PythonModule module) {
    for (String dotted : module.imports().values()) {
      for (String library : VALIDATION_LIBRARIES) {
        if (dotted.startsWith(library)
            && (dotted.length() == library.length() || dotted.charAt(library.length()) == '.')) {
          return true;
        }
      }
    }
    for (String local : module.imports().keySet()) {
      for (String suffix : MODEL_SUFFIXES) {
        if (local.endsWith(suffix)) {
          return true;
        }
      }
    }
    for (Call call : module.calls()) {
      if (VALIDATION_METHODS.contains(call.name()) || call.name().endsWith("_validate")) {
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
}
