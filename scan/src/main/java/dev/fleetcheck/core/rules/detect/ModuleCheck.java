package dev.fleetcheck.core.rules.detect;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.PythonModule;
import java.util.List;

/** A code check that judges each Python module on its own: one finding per occurrence. */
public interface ModuleCheck {

  List<Evidence> findings(PythonModule module);
}
