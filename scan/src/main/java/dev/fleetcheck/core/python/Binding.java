package dev.fleetcheck.core.python;

/**
 * A name bound to the result of a call: {@code s = requests.Session()}, {@code self.s =
 * requests.Session()} or {@code with requests.Session() as s}. {@code name} is as written, {@code
 * callee} resolved like {@link Call#callee()}.
 */
public record Binding(String name, String callee, int line) {}
