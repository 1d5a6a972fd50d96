package dev.fleetcheck.core.rules.toolchain;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The toolchain rules (sections 2.2 to 2.6). */
public final class ToolchainRules {

  private ToolchainRules() {}

  public static List<Rule> all() {
    return List.of(
        new PythonVersionPinned(),
        new DeterministicDependencies(),
        new UvLockFile(),
        new RuffConfigured(),
        new PytestConfigured(),
        new TypeCheckerConfigured(),
        new RuffFormatHook(),
        new RuffLintHook(),
        new TypeCheckHook(),
        new SecretScanHook(),
        new ContainerDefinition(),
        new ContainerSecrets(),
        new ParallelTests(),
        new TestTierMarkers());
  }
}
