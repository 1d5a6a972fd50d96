package dev.fleetcheck.core.error;

import java.util.Objects;

/**
 * A failure with a stable {@link ErrorCode}. Messages are for people and must never contain a
 * secret: callers pass redacted values only.
 */
public class FleetcheckException extends RuntimeException {

  private final ErrorCode errorCode;

  public FleetcheckException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  public FleetcheckException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
