package dev.fleetcheck.core.facts.container;

/** One Dockerfile instruction: upper-cased keyword, its arguments (continuations joined), line. */
public record DockerInstruction(String keyword, String arguments, int line) {}
