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

  /** "--output/-o" for evidence. */
  public String describe() {
    return String.join("/", names);
  }
}
