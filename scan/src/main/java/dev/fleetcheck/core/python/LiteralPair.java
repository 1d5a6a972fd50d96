package dev.fleetcheck.core.python;

/**
 * A string key written next to a literal value: a dict entry {@code "k": v}, an argument pair
 * {@code ("k", v)} (the key first in its brackets), a subscript assignment {@code x["k"] = v}, or
 * an HTTP header line {@code "Name: value"} inside one string literal.
 */
public record LiteralPair(String key, PyValue value, int line) {}
