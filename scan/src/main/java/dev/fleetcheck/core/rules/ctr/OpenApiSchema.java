package dev.fleetcheck.core.rules.ctr;

import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PY-CTR-014: the API's OpenAPI schema is produced or kept: a framework or library that generates
 * one (FastAPI, Litestar, django-ninja, drf-spectacular, apispec, flask-smorest, ...), declared or
 * imported, or an {@code openapi.*} / {@code swagger.*} document outside test code.
 */
public final class OpenApiSchema implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-CTR-014",
              Profile.API,
              "Produce the OpenAPI schema from the framework (FastAPI and Litestar do by default;"
                  + " Django REST framework: drf-spectacular; Flask: flask-smorest or apispec) and"
                  + " keep the generated document (docs/openapi.json) under review.")
          .defined(
              "PASS when an OpenAPI schema is produced or kept (FastAPI, "
                  + "drf-spectacular, apispec, flask-smorest, or an `openapi.*` file), else "
                  + "FAIL.",
              Effort.MEDIUM);

  /** Distribution name and import name of each schema-producing library. */
  private static final List<String[]> GENERATORS =
      List.of(
          new String[] {"fastapi", "fastapi"},
          new String[] {"litestar", "litestar"},
          new String[] {"django-ninja", "ninja"},
          new String[] {"drf-spectacular", "drf_spectacular"},
          new String[] {"drf-yasg", "drf_yasg"},
          new String[] {"apispec", "apispec"},
          new String[] {"flask-smorest", "flask_smorest"},
          new String[] {"apiflask", "apiflask"},
          new String[] {"flask-openapi3", "flask_openapi3"},
          new String[] {"spectree", "spectree"},
          new String[] {"connexion", "connexion"},
          new String[] {"flask-restx", "flask_restx"});

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    Optional<SourceFile> document =
        context.snapshot().files().stream()
            .filter(f -> !f.testCode() && isSchemaDocument(f.name()))
            .findFirst();
    if (document.isPresent()) {
      return Outcome.pass(Evidence.file(document.get().path(), "OpenAPI document kept"));
    }
    DeclaredDependencies dependencies = context.fact(Dependencies.FACT);
    PythonSources sources = context.fact(PythonSources.FACT);
    for (String[] generator : GENERATORS) {
      Optional<Evidence> where =
          dependencies
              .where(generator[0])
              .or(() -> sources.imports(generator[1]))
              .map(
                  e ->
                      new Evidence(
                          e.path(), e.line(), generator[0] + " generates the OpenAPI schema"));
      if (where.isPresent()) {
        return Outcome.pass(where.get());
      }
    }
    return Outcome.fail(
        Evidence.repository(
            "no OpenAPI schema: no openapi.* document and no schema-generating framework or library"
                + " (FastAPI, Litestar, django-ninja, drf-spectacular, apispec, flask-smorest)"));
  }

  private static boolean isSchemaDocument(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("openapi.")
        || lower.equals("swagger.json")
        || lower.equals("swagger.yaml")
        || lower.equals("swagger.yml");
  }
}
