package dev.fleetcheck.core.python;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call in source: {@code callee} is the dotted name with its first part resolved through the
 * module's imports ({@code r.get} after {@code import requests as r} is {@code requests.get}); a
 * call made on the result of another call shows it as {@code requests.Session().get}. {@code
 * written} is the dotted name as in source. {@code parameter} names the function parameter whose
 * annotation or default holds the call, empty elsewhere.
 *
 * <p>A value class with the accessors, equality and text of a record, written out so that it can
 * keep the parts of its names once derived: nearly every code check asks each call for {@link
 * #name()}, many times per scan.
 */
public final class Call {

  private final String callee;
  private final String written;
  private final int line;
  private final int column;
  private final List<PyValue> positional;
  private final Map<String, PyValue> keywords;
  private final boolean argsSplat;
  private final boolean kwargsSplat;
  private final String parameter;

  // Derived once on first use (the name often given at construction); a race only computes the
  // same string twice.
  private String name;
  private String receiver;
  private String writtenReceiver;

  public Call(
      String callee,
      String written,
      int line,
      int column,
      List<PyValue> positional,
      Map<String, PyValue> keywords,
      boolean argsSplat,
      boolean kwargsSplat,
      String parameter) {
    this(
        callee,
        written,
        line,
        column,
        positional,
        keywords,
        argsSplat,
        kwargsSplat,
        parameter,
        null);
  }

  /** As the public constructor, with {@link #name()} known already (the analyzer pools it). */
  Call(
      String callee,
      String written,
      int line,
      int column,
      List<PyValue> positional,
      Map<String, PyValue> keywords,
      boolean argsSplat,
      boolean kwargsSplat,
      String parameter,
      String name) {
    this.name = name;
    this.callee = callee;
    this.written = written;
    this.line = line;
    this.column = column;
    this.positional = List.copyOf(positional);
    this.keywords = Map.copyOf(keywords);
    this.argsSplat = argsSplat;
    this.kwargsSplat = kwargsSplat;
    this.parameter = parameter;
  }

  public String callee() {
    return callee;
  }

  public String written() {
    return written;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public List<PyValue> positional() {
    return positional;
  }

  public Map<String, PyValue> keywords() {
    return keywords;
  }

  public boolean argsSplat() {
    return argsSplat;
  }

  public boolean kwargsSplat() {
    return kwargsSplat;
  }

  public String parameter() {
    return parameter;
  }

  /** The last part of the callee: {@code get} for {@code requests.get}. */
  public String name() {
    String known = name;
    if (known == null) {
      int dot = callee.lastIndexOf('.');
      known = dot < 0 ? callee : callee.substring(dot + 1);
      name = known;
    }
    return known;
  }

  /** The resolved callee without its last part; empty for a plain function call. */
  public String receiver() {
    String known = receiver;
    if (known == null) {
      int dot = callee.lastIndexOf('.');
      known = dot < 0 ? "" : callee.substring(0, dot);
      receiver = known;
    }
    return known;
  }

  /** The written callee without its last part; empty for a plain function call. */
  public String writtenReceiver() {
    String known = writtenReceiver;
    if (known == null) {
      int dot = written.lastIndexOf('.');
      known = dot < 0 ? "" : written.substring(0, dot);
      writtenReceiver = known;
    }
    return known;
  }

  public Optional<PyValue> keyword(String name) {
    return Optional.ofNullable(keywords.get(name));
  }

  public boolean hasKeyword(String name) {
    return keywords.containsKey(name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Call c
        && line == c.line
        && column == c.column
        && argsSplat == c.argsSplat
        && kwargsSplat == c.kwargsSplat
        && Objects.equals(callee, c.callee)
        && Objects.equals(written, c.written)
        && Objects.equals(positional, c.positional)
        && Objects.equals(keywords, c.keywords)
        && Objects.equals(parameter, c.parameter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        callee, written, line, column, positional, keywords, argsSplat, kwargsSplat, parameter);
  }

  @Override
  public String toString() {
    return "Call[callee="
        + callee
        + ", written="
        + written
        + ", line="
        + line
        + ", column="
        + column
        + ", positional="
        + positional
        + ", keywords="
        + keywords
        + ", argsSplat="
        + argsSplat
        + ", kwargsSplat="
        + kwargsSplat
        + ", parameter="
        + parameter
        + "]";
  }
}
