package dev.fleetcheck.core.facts.python;

/** A dependency lock file and the package manager that writes it. */
public record LockFile(String path, String manager) {}
