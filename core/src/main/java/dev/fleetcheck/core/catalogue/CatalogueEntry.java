package dev.fleetcheck.core.catalogue;

import dev.fleetcheck.core.model.Level;

/** One numbered rule of the standard: its ID, section, level and our short title. */
public record CatalogueEntry(String id, String section, Level level, String title) {}
