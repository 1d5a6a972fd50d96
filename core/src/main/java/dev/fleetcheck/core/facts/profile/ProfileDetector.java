package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Detects the repository's profiles as RULES.md says ("Outcomes, levels, profiles"). */
public final class ProfileDetector {

  public static final Fact<DetectedProfiles> FACT = Fact.of("profiles", ProfileDetector::detect);

  private static final Set<String> PYTHON_MARKERS =
      Set.of("pyproject.toml", "setup.py", "setup.cfg");

  private ProfileDetector() {}

  static DetectedProfiles detect(Facts facts) {
    Set<Profile> profiles = EnumSet.noneOf(Profile.class);
    List<Evidence> reasons = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      String name = file.name();
      boolean marker =
          (file.parent().isEmpty() && PYTHON_MARKERS.contains(name))
              || (name.startsWith("requirements") && name.endsWith(".txt"))
              || file.isPython();
      if (marker) {
        profiles.add(Profile.PYTHON);
        reasons.add(Evidence.file(file.path(), "python project file"));
        break;
      }
    }
    return new DetectedProfiles(profiles, reasons);
  }
}
