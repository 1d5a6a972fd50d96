package dev.fleetcheck.core.python;

/** A {@code class}: public when its name and every enclosing class name start without "_". */
public record ClassDef(String name, int line, boolean publicApi, boolean hasDocstring) {}
