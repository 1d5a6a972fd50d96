package dev.fleetcheck.core.facts.container;

import java.util.Optional;

/** One service of a compose file: its image reference (if any), whether it builds, its line. */
public record ComposeService(String name, Optional<String> image, boolean build, int line) {}
