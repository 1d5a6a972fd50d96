package dev.fleetcheck.core.python;

/** A decorator line {@code @name} or {@code @name(...)}; {@code name} resolved through imports. */
public record Decorator(String name, int line, boolean called) {}
