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

class ScatteredAuthorisationTest {

  @TempDir Path dir;
  private final ScatteredAuthorisation rule = new ScatteredAuthorisation();

  private static final String ROUTES =
      """
      from fastapi import APIRouter, Depends, HTTPException

      router = APIRouter()

      @router.get("/admin")
      def admin(user=Depends(current_user)):
          if not user.is_superuser:
              raise HTTPException(403)

      @router.post("/items")
      def create(user=Depends(current_user)):
          if user.role != "editor":
              raise HTTPException(403)

      @router.delete("/items/{id}")
      async def delete(id: int, user=Depends(current_user)):
          if "admin" not in user.roles:
              raise HTTPException(403)
      """;

  @Test
  void roleChecksInThreeRouteBodiesFail() {
    Path repo = FixtureRepo.in(dir).python().file("app/routes.py", ROUTES).build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/routes.py:7: route handler admin checks is_superuser in its body, outside a"
                + " policy layer",
            "app/routes.py:12: route handler create checks role != in its body, outside a policy"
                + " layer",
            "app/routes.py:17: route handler delete checks membership in .roles in its body,"
                + " outside a policy layer");
  }

  @Test
  void fewerThanThreeHandlersPolicyFunctionsStringsAndTestsStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/routes.py",
                """
                from fastapi import APIRouter

                router = APIRouter()

                def require_admin(user):
                    if not user.is_superuser:
                        raise HTTPException(403)

                @router.get("/admin")
                def admin(user=Depends(require_admin)):
                    return {"role": "user.role == 'admin'"}

                @router.get("/me")
                def me(user=Depends(current_user)):
                    if user.is_staff:
                        return {}

                @router.get("/other")
                def other(user=Depends(current_user)):
                    if user.role_name == "x":
                        return {}
                """)
            .file("tests/test_routes.py", ROUTES)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }
}
