package dev.fleetcheck.core.rules.sec;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UntestedPoliciesTest {

  @TempDir Path dir;
  private final UntestedPolicies rule = new UntestedPolicies();

  private static final String POLICIES =
      """
      from rest_framework.permissions import BasePermission

      class IsOwner(BasePermission):
          def has_permission(self, request, view):
              return True

          def has_object_permission(self, request, view, obj):
              return obj.owner == request.user

      def require_admin(user):
          return user.is_superuser
      """;

  @Test
  void policiesNoTestNamesAndNoDenialAssertionFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/permissions.py", POLICIES)
            .file(
                "tests/test_views.py",
                "# IsOwner and 403 in a comment do not count\n"
                    + "def test_admin():\n    assert require_admin(admin)\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "no test asserts a denial (403)",
            "app/permissions.py:3: policy IsOwner is named by no test");
  }

  @Test
  void testedPoliciesWithADenialAssertionStayManual() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/permissions.py", POLICIES)
            .file(
                "tests/test_permissions.py",
                """
                from app.permissions import IsOwner, require_admin

                def test_denied(client):
                    assert client.get("/x").status_code == 403
                    assert not require_admin(user)
                """)
            .build();

    assertNoEvidentViolation(check(rule, repo, Profile.API));
  }

  @Test
  void functionsThatShapeDataAboutPermissionsAreNoPolicyLayer() {
    // moto: helpers that format or parse permission data decide nothing.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/utils.py",
                """
                def format_ram_permission(name, resource_type):
                    return {"name": name, "resourceType": resource_type}

                def extract_region_from_aws_authorization(header):
                    return header.split("/")[2]

                def check_permission(user, action):
                    return action in user.actions
                """)
            .build();
    Path helpersOnly =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/utils.py", "def get_permissions(user):\n    return user.perms\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "no test asserts a denial (403)",
            "app/utils.py:7: policy check_permission is named by no test");
    assertThat(check(rule, helpersOnly, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void withoutAPolicyLayerItIsNotApplicable() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/main.py", "def permissions_page():\n    pass\n".replace("permissions_", "p_"))
            .file("tests/test_x.py", "PERMISSION = 'require_admin'\n")
            .build();

    assertThat(check(rule, repo, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }
}
