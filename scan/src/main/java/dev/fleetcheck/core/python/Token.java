package dev.fleetcheck.core.python;

/** One token as a value, for tests and diagnostics; scanning code reads {@link Tokens} directly. */
public record Token(TokenKind kind, String text, int line, int column) {}
