package dev.fleetcheck.core.rules.data;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnvalidatedRequestBodiesTest {

  @TempDir Path dir;
  private final UnvalidatedRequestBodies rule = new UnvalidatedRequestBodies();

  @Test
  void rawBodiesReadWithoutValidationFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/routes.py",
                """
                from fastapi import APIRouter, Request

                @router.post("/items")
                async def create(request: Request):
                    data = await request.json()
                    return data
                """)
            .file(
                "web/views.py",
                "from flask import request\n\ndef create():\n    return request.get_json()\n")
            .file(
                "fn/handler.py",
                "import json\n\ndef handler(event, context):\n"
                    + "    body = json.loads(event[\"body\"])\n")
            .file(
                "site/views.py",
                "import json\nfrom django.http import JsonResponse\ndef view(request):\n"
                    + "    data = json.loads(request.body)\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/routes.py:5: request.json() reads the raw request body in a module with no"
                + " validation",
            "fn/handler.py:4: json.loads(event[\"body\"]) reads the raw request body in a module"
                + " with no validation",
            "site/views.py:4: json.loads(request.body) reads the raw request body in a module with"
                + " no validation",
            "web/views.py:4: request.get_json() reads the raw request body in a module with no"
                + " validation");
  }

  @Test
  void aProjectsOwnSchemaValidationCallClearsTheModule() {
    // keystone: the body goes straight to its jsonschema wrapper validation.lazy_validate; a
    // module that only validates a token (validate_token) still fails.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "api/limits.py",
                """
                import flask
                from keystone.common import validation
                from keystone.limit import schema

                class Limits:
                    def post(self):
                        limits = (flask.request.get_json(silent=True, force=True) or {}).get(
                            'limits', {})
                        validation.lazy_validate(schema.limit_create, limits)
                """)
            .file(
                "auth/token.py",
                """
                import flask

                def authenticate(api, token_id):
                    body = flask.request.get_json(silent=True, force=True) or {}
                    return api.validate_token(token_id), body['auth']
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "auth/token.py:4: request.get_json() reads the raw request body in a module with no"
                + " validation");
  }

  @Test
  void anAliasedLoadsIsStillFound() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "fn/handler.py",
                "from json import loads as parse\n\ndef handler(event, context):\n"
                    + "    body = parse(event[\"body\"])\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "fn/handler.py:4: json.loads(event[\"body\"]) reads the raw request body in a module"
                + " with no validation");
  }

  @Test
  void modulesThatValidateOtherLoadsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/routes.py",
                """
                from fastapi import Request
                from app.schemas import ItemSchema

                async def create(request: Request):
                    return ItemSchema(**(await request.json()))
                """)
            .file(
                "fn/handler.py",
                "import json\nfrom pydantic import BaseModel\n\ndef handler(event, context):\n"
                    + "    body = json.loads(event[\"body\"])\n")
            .file(
                "web/views.py",
                "from flask import request\n\ndef create():\n"
                    + "    data = request.get_json()\n    schema.validate(data)\n")
            .file(
                "lib/io.py",
                "import json\n\ndef read(text):\n    doc = \"request.json()\"\n"
                    + "    return json.loads(text)\n")
            .file("tests/test_fn.py", "import json\njson.loads(event[\"body\"])\n")
            // moto: a botocore request's body, in a module that is no Django code.
            .file(
                "emu/responses.py",
                """
                import json
                from botocore.awsrequest import AWSPreparedRequest

                def _get_body(headers, request):
                    if isinstance(request, AWSPreparedRequest):
                        return json.loads(request.body)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
