package dev.fleetcheck.core.rules.sec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.rules.RuleFixture;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFromRequestTest {

  @TempDir Path dir;

  private Outcome check(String path, String source) {
    Path repo = FixtureRepo.in(dir).python().file(path, source).build();
    return RuleFixture.check(new TenantFromRequest(), repo, Profile.API);
  }

  @Test
  void tenantFromHeadersAndQueryParametersFailsInEveryFramework() {
    Outcome outcome =
        check(
            "app/views.py",
            """
            from flask import request as req
            from fastapi import Header, Query
            from typing import Annotated


            def flask_view():
                tenant = req.headers.get(
                    "X-Tenant-Id"
                )
                other = req.args["tenant"]
                return tenant, other


            def django_view(request):
                return request.META.get("HTTP_X_TENANT_ID")


            async def fastapi_view(
                x_tenant_id: str = Header(None),
                org: Annotated[str, Query(alias="tenantId")] = "",
            ):
                return x_tenant_id


            def lambda_handler(event, context):
                a = event["headers"]["x-tenant-id"]
                b = event.get("queryStringParameters", {}).get("tenant_id")
                return a, b
            """);

    assertThat(RuleFixture.described(outcome))
        .containsExactly(
            "app/views.py:8: tenant id read from the request header X-Tenant-Id: a caller can name"
                + " any tenant",
            "app/views.py:10: tenant id read from the request query parameter tenant: a caller can"
                + " name any tenant",
            "app/views.py:15: tenant id read from the request header HTTP_X_TENANT_ID: a caller can"
                + " name any tenant",
            "app/views.py:19: tenant id read from the request header x-tenant-id: a caller can name"
                + " any tenant",
            "app/views.py:20: tenant id read from the request query parameter tenantId: a caller"
                + " can name any tenant",
            "app/views.py:26: tenant id read from the request header x-tenant-id: a caller can name"
                + " any tenant",
            "app/views.py:27: tenant id read from the request query parameter tenant_id: a caller"
                + " can name any tenant");
  }

  @Test
  void tenantFromTheVerifiedIdentityOrThePathPasses() {
    Outcome outcome =
        check(
            "app/api.py",
            """
            from fastapi import APIRouter, Depends, Path

            router = APIRouter()


            @router.get("/tenants/{tenant_id}/orders")
            def orders(tenant_id: str = Path(...), user=Depends(current_user)):
                # request.headers["X-Tenant-Id"] is ignored on purpose
                note = "send request.headers.get('X-Tenant-Id') upstream"
                claims = user.claims["tenant_id"]
                outbound = {"X-Tenant-Id": claims}
                return tenant_id, note, outbound


            def lambda_handler(event, context):
                return event["requestContext"]["authorizer"]["tenant_id"]
            """);

    assertThat(outcome.status())
        .as(RuleFixture.described(outcome).toString())
        .isEqualTo(Status.PASS);
  }

  @Test
  void testCodeAndRepositoriesWithoutTenantsAreNotJudged() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("tests/test_api.py", "def test_x(request):\n    request.headers['X-Tenant']\n")
            .file("app/main.py", "def handler(event, context):\n    return event['headers']\n")
            .build();

    assertThat(RuleFixture.check(new TenantFromRequest(), repo, Profile.API).status())
        .isEqualTo(Status.NOT_APPLICABLE);
  }
}
