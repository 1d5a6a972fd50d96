package dev.fleetcheck.core.rules.detect;

/** The population both coverage rules (PY-DOC-001, PY-CODE-008) name in their evidence. */
public final class CoverageScope {

  public static final String SCOPE =
      "product code: test code and top-level examples/, docs/, scripts/, release/, benchmark/,"
          + " benchmarks/ not counted";

  private CoverageScope() {}
}
