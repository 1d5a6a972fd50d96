package dev.fleetcheck.core.model;

/** A repository failing a rule in a sweep, and the scan that says so. */
public record RuleFailure(String ruleId, String repository, String scanId, Level level) {}
