package dev.fleetcheck.core.facts.cli;

import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import java.util.List;
import java.util.Optional;

/**
 * One option a CLI declares: its names as written ({@code --verbose}, {@code -v}), the framework
 * ({@code argparse}, {@code optparse}, {@code click}, {@code typer}) and the call that declares it;
 * a typer parameter with a default and no {@code typer.Option} is an option with a derived name and
 * no declaration.
 */
public record CliOption(
    String path, int line, String framework, List<String> names, Optional<Call> declaration) {

  public CliOption {
    names = List.copyOf(names);
  }

  public Optional<PyValue> keyword(String name) {
    return declaration.flatMap(call -> call.keyword(name));
  }

  /** The long names ({@code --output}), as declared or derived. */
  public List<String> longNames() {
    return names.stream().filter(n -> n.startsWith("--")).toList();
  }

  /**
   * The variable the option's value lands in: {@code dest=}, the parameter a typer option sits on,
   * click's explicit name argument, or the first long (else first) name without dashes.
   */
  public String destination() {
    Optional<PyValue> dest = keyword("dest");
    if (dest.isPresent() && dest.get() instanceof PyValue.Str s) {
      return s.value();
    }
    if (declaration.isPresent()) {
      if (!declaration.get().parameter().isEmpty()) {
        return declaration.get().parameter();
      }
      for (PyValue value : declaration.get().positional()) {
        if (value instanceof PyValue.Str s && !s.value().startsWith("-")) {
          return s.value();
        }
      }
    }
    String name = longNames().isEmpty() ? names.get(0) : longNames().get(0);
    return name.replaceFirst("^-+", "").replace('-', '_');
  }

  /** "--output/-o" for evidence. */
  public String describe() {
    return String.join("/", names);
  }
}
