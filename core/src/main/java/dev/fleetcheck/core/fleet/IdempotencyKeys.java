package dev.fleetcheck.core.fleet;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;

/** The one rule for a client's {@code Idempotency-Key}, and the names that derive from one. */
public final class IdempotencyKeys {

  public static final int MAX_LENGTH = 200;

  private IdempotencyKeys() {}

  /**
   * The key itself when it has 1 to {@value #MAX_LENGTH} characters and is not blank.
   *
   * @throws FleetcheckException INVALID_ARGUMENT otherwise
   */
  public static String requireValid(String key) {
    if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
      throw new FleetcheckException(
          ErrorCode.INVALID_ARGUMENT, "an idempotency key has 1 to " + MAX_LENGTH + " characters");
    }
    return key;
  }

  /** A stable hex name for what {@code key} asks for within {@code scope} (a sweep, an export). */
  public static String derive(String scope, String key) {
    return ScanId.hash(scope, requireValid(key));
  }
}
