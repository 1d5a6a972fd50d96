package dev.fleetcheck.core.python;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call in source: {@code callee} is the dotted name with its first part resolved through the
 * module's imports ({@code r.get} after {@code import requests as r} is {@code requests.get}); a
 * call made on the result of another call shows it as {@code requests.Session().get}. {@code
 * written} is the dotted name as in source. {@code parameter} names the function parameter whose
 * annotation or default holds the call, empty elsewhere.
 */
public record Call(
    String callee,
    String written,
    int line,
    int column,
    List<PyValue> positional,
    Map<String, PyValue> keywords,
    boolean argsSplat,
    boolean kwargsSplat,
    String parameter) {

  public Call {
    positional = List.copyOf(positional);
    keywords = Map.copyOf(keywords);
  }

  /** The last part of the callee: {@code get} for {@code requests.get}. */
  public String name() {
    int dot = callee.lastIndexOf('.');
    return dot < 0 ? callee : callee.substring(dot + 1);
  }

  /** The resolved callee without its last part; empty for a plain function call. */
  public String receiver() {
    int dot = callee.lastIndexOf('.');
    return dot < 0 ? "" : callee.substring(0, dot);
  }

  /** The written callee without its last part; empty for a plain function call. */
  public String writtenReceiver() {
    int dot = written.lastIndexOf('.');
    return dot < 0 ? "" : written.substring(0, dot);
  }

  public Optional<PyValue> keyword(String name) {
    return Optional.ofNullable(keywords.get(name));
  }

  public boolean hasKeyword(String name) {
    return keywords.containsKey(name);
  }
}
