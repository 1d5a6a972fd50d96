package dev.fleetcheck.core.rules.obs;

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

class PrivilegedOperationAuditTest {

  @TempDir Path dir;
  private final PrivilegedOperationAudit rule = new PrivilegedOperationAudit();

  @Test
  void privilegeChecksWithoutAuditFail() {
    Path decorated =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/views.py",
                """
                from django.contrib.admin.views.decorators import staff_member_required

                @staff_member_required
                def purge(request):
                    pass
                """)
            .build();
    Path checked =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/ops.py",
                "def purge(user):\n    # admin only\n    if not user.is_superuser:\n"
                    + "        raise PermissionError()\n")
            .build();

    assertThat(findings(check(rule, decorated, Profile.API)))
        .containsExactly(
            "app/views.py:3: @django.contrib.admin.views.decorators.staff_member_required guards"
                + " an operation, and the event security.audit occurs nowhere in product code");
    assertThat(findings(check(rule, checked, Profile.API)))
        .containsExactly(
            "app/ops.py:3: a privilege check guards an operation, and the event security.audit"
                + " occurs nowhere in product code");
  }

  @Test
  void auditedPrivilegesStayManualAndNoPrivilegeIsNotApplicable() {
    Path audited =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/ops.py",
                "AUDIT = 'security.audit'\ndef purge(user):\n    return user.is_admin\n")
            .build();
    Path none =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file("app/ops.py", "# user.is_superuser\nfields = ['is_staff']\n")
            .build();

    assertNoEvidentViolation(check(rule, audited, Profile.API));
    assertThat(check(rule, none, Profile.API).status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void theFirstPrivilegeWordWithAMatchDecidesWhichFileIsNamed() {
    // a/ holds only an admin role check, b/ an is_superuser check, c/ the word is_superuser with
    // no check: is_superuser is looked for first, so b/ is named although a/ comes first.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file("app/a.py", "def purge(user):\n    return user.role == 'admin'\n")
            .file("app/b.py", "def drop(user):\n    return user.is_superuser\n")
            .file("app/c.py", "FIELDS = ['is_superuser']\n")
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/b.py:2: a privilege check guards an operation, and the event security.audit"
                + " occurs nowhere in product code");
  }

  @Test
  void definingIsAdminUserIsNotAGuardButItsCheckIs() {
    // rest_framework/permissions.py defines the permission class; its body holds the check.
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/permissions.py",
                """
                class IsAdminUser(BasePermission):
                    \"\"\"Allows access only to admin users.\"\"\"

                    def has_permission(self, request, view):
                        return bool(request.user and request.user.is_staff)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/permissions.py:5: a privilege check guards an operation, and the event"
                + " security.audit occurs nowhere in product code");
  }
}
