package dev.fleetcheck.core.error;

import java.util.Locale;

/**
 * Stable machine-readable failure identifiers. They appear in logs, CLI errors, stored scan records
 * and API responses; renaming one is a breaking change.
 */
public enum ErrorCode {
  INVALID_ARGUMENT,
  INVALID_CONFIG,
  IO_ERROR,
  OUTPUT_WRITE_FAILED,
  INVALID_REPO_URL,
  REPO_NOT_FOUND,
  CLONE_AUTH_FAILED,
  CLONE_TIMEOUT,
  REPO_TOO_LARGE,
  CLONE_FAILED,
  SCAN_TIMEOUT,
  SCAN_FAILED,
  /** The folder or repository holds no Python project: there is nothing to check. */
  NO_PYTHON_PROJECT,
  INVENTORY_INVALID,
  GITHUB_AUTH_FAILED,
  GITHUB_RATE_LIMITED,
  GITHUB_NOT_FOUND,
  GITHUB_UNAVAILABLE,
  TOKEN_MISSING,
  STORE_FAILED,
  REPORT_NOT_FOUND,
  SWEEP_NOT_FOUND,
  SCAN_NOT_FOUND,
  EXPORT_NOT_FOUND,
  // The API's own refusals: no such route, no identity, a missing scope.
  ROUTE_NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  CURSOR_INVALID,
  IDEMPOTENCY_CONFLICT,
  REQUEST_IN_PROGRESS,
  EVENT_MALFORMED,
  /** A request body over the API's stated limit. */
  PAYLOAD_TOO_LARGE,
  /** Too many requests from one client to {@code fleetcheck serve} (429). */
  RATE_LIMITED,
  /** A signed download link whose expiry has passed (410). */
  LINK_EXPIRED,
  INTERNAL_ERROR;

  /** The snake_case form used on every wire and in every log line. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
