package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.RuleKind;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a checked rule adds to its catalogue entry: the profiles it applies to (any of them), the
 * remediation every report shows, its kind (automated or assisted), the definition it checks (what
 * makes it FAIL, PASS or NOT_APPLICABLE, as the docs table shows it) and the effort a fix usually
 * takes. ID, section, title and level live in the catalogue.
 */
public record RuleSpec(
    String id,
    Set<Profile> profiles,
    String remediation,
    RuleKind kind,
    Optional<String> definition,
    Optional<Effort> effort) {

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
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(effort, "effort");
  }

  public RuleSpec(String id, Set<Profile> profiles, String remediation, RuleKind kind) {
    this(id, profiles, remediation, kind, Optional.empty(), Optional.empty());
  }

  public RuleSpec(String id, Set<Profile> profiles, String remediation) {
    this(id, profiles, remediation, RuleKind.AUTOMATED);
  }

  /**
   * The same rule with its definition (one or two sentences: the evident violation that makes it
   * FAIL, and when it is NOT_APPLICABLE) and the usual effort of a fix.
   */
  public RuleSpec defined(String definition, Effort effort) {
    if (definition.isBlank()) {
      throw new IllegalArgumentException("an empty definition for " + id);
    }
    return new RuleSpec(
        id, profiles, remediation, kind, Optional.of(definition), Optional.of(effort));
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
