package dev.fleetcheck.core.model;

/**
 * 100 x weight(PASS + WAIVED) / weight(PASS + WAIVED + FAIL + ERROR), rounded to one decimal; 100
 * when nothing scored (RULES.md, "Outcomes, levels, profiles").
 */
public record Score(double value, int earnedWeight, int possibleWeight) {}
