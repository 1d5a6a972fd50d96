package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a checked rule adds to its catalogue entry: the profiles it applies to (any of them), the
 * remediation every report shows, and its kind (automated or assisted). ID, section, title and
 * level live in the catalogue.
 */
public record RuleSpec(String id, Set<Profile> profiles, String remediation, RuleKind kind) {

  private static final Pattern ID = Pattern.compile("PY-[A-Z]+-\\d{3}");

  public RuleSpec {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a rule ID: " + id);
    }
    profiles = Set.copyOf(profiles);
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("a rule applies to at least one profile: " + id);
    }
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(kind, "kind");
    if (!kind.checked()) {
      throw new IllegalArgumentException("a rule with a check is automated or assisted: " + id);
    }
  }

  public RuleSpec(String id, Set<Profile> profiles, String remediation) {
    this(id, profiles, remediation, RuleKind.AUTOMATED);
  }

  public static RuleSpec of(String id, Profile profile, String remediation) {
    return new RuleSpec(id, Set.of(profile), remediation);
  }

  public static RuleSpec of(String id, Set<Profile> profiles, String remediation) {
    return new RuleSpec(id, profiles, remediation);
  }

  /** An assisted rule: FAIL on an evident violation, otherwise MANUAL, never PASS. */
  public static RuleSpec assisted(String id, Set<Profile> profiles, String remediation) {
    return new RuleSpec(id, profiles, remediation, RuleKind.ASSISTED);
  }
}
