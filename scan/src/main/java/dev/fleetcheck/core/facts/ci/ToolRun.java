package dev.fleetcheck.core.facts.ci;

import dev.fleetcheck.core.model.Evidence;

/** A CI step that runs a tool: where it is, and what it runs the tool through. */
public record ToolRun(CiTool tool, Evidence evidence) {}
