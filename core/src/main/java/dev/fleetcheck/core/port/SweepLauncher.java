package dev.fleetcheck.core.port;

/**
 * Hands a sweep to whatever runs sweeps: the sweep function on AWS (a sweep outlasts an API call),
 * the sweep use case in-process on the embedded default. The caller names the sweep, so launching
 * the same ID again resumes it instead of starting a second one.
 */
@FunctionalInterface
public interface SweepLauncher {

  /**
   * Starts the sweep {@code sweepId}, or resumes it when it exists.
   *
   * @throws dev.fleetcheck.core.error.FleetcheckException INVALID_ARGUMENT for an invalid ID, or
   *     the code of what could not be reached
   */
  void launch(String sweepId);
}
