package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.PytestConfig;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * PY-LCL-027: pytest markers are registered for the integration and e2e tiers (in the pytest
 * configuration or a conftest.py). A marker counts for a tier when its name contains the tier's
 * name ({@code integration}, {@code e2e} or {@code end_to_end}).
 */
public final class TestTierMarkers implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-027",
              Profile.PYTHON,
              "Register the test tiers as pytest markers in pyproject.toml: `[tool.pytest.ini_options]"
                  + " markers = [\"integration: needs containers or emulators\", \"e2e: critical"
                  + " journeys\"]`, and add `--strict-markers` to addopts.")
          .defined(
              "PASS when pytest markers are registered for the integration and e2e "
                  + "tiers, else FAIL.",
              Effort.LOW);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    PytestConfig pytest = context.fact(PytestConfig.FACT);
    List<Evidence> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    tier(pytest, "integration", n -> n.contains("integration"), found, missing);
    tier(
        pytest,
        "e2e",
        n -> n.contains("e2e") || n.contains("end_to_end") || n.contains("end2end"),
        found,
        missing);
    if (missing.isEmpty()) {
      return Outcome.pass(found);
    }
    String registered =
        pytest.markers().isEmpty()
            ? "no markers registered"
            : "registered: "
                + String.join(
                    ", ",
                    pytest.markers().stream().map(PytestConfig.Marker::name).distinct().toList());
    String where = pytest.configuredAt().isEmpty() ? "" : pytest.configuredAt().get(0).path();
    return Outcome.fail(
        Evidence.file(
            where,
            "no pytest marker for the "
                + String.join(" and ", missing)
                + " tier"
                + (missing.size() > 1 ? "s" : "")
                + " ("
                + registered
                + ")"));
  }

  private static void tier(
      PytestConfig pytest,
      String tier,
      Predicate<String> matches,
      List<Evidence> found,
      List<String> missing) {
    Optional<PytestConfig.Marker> marker =
        pytest.markers().stream()
            .filter(m -> matches.test(m.name().toLowerCase(Locale.ROOT)))
            .findFirst();
    if (marker.isPresent()) {
      found.add(marker.get().where());
    } else {
      missing.add(tier);
    }
  }
}
