package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnvalidatedClaimDecisionsTest {

  @TempDir Path dir;
  private final UnvalidatedClaimDecisions rule = new UnvalidatedClaimDecisions();

  @Test
  void decisionsOnClientSentRolesAndTenantsFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/views.py",
                """
                from flask import request

                def delete():
                    if request.json["role"] == "admin":
                        pass
                    elif request.args.get("is_admin"):
                        pass
                    if (
                        request.get_json()["tenant_id"] != current.tenant
                    ):
                        pass

                async def update(body):
                    if "write" in body.get("scopes", []):
                        pass
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "web/views.py:4: access decision on \"role\" sent by the client in the request",
            "web/views.py:6: access decision on \"is_admin\" sent by the client in the request",
            "web/views.py:9: access decision on \"tenant_id\" sent by the client in the request",
            "web/views.py:14: access decision on \"scopes\" sent by the client in the request");
  }

  @Test
  void verifiedClaimsAssignmentsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "web/views.py",
                """
                from flask import request

                def delete(token):
                    claims = jwt.decode(token, KEY, algorithms=["RS256"])
                    if claims["role"] == "admin":
                        pass
                    role = request.json["role"]
                    if user.role == "admin":
                        pass
                    if text == "request.json['role']":
                        pass
                """)
            .file(
                "tests/test_views.py",
                "def test_x():\n    if request.json[\"role\"] == \"admin\":\n        pass\n")
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
