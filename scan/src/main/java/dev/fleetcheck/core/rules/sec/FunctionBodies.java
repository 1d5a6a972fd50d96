package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.List;
import java.util.Optional;

/**
 * The {@code def}/{@code except} blocks of a module, for the checks that judge a function's body; a
 * module whose text holds none of the hints (words the finding needs) is not tokenized again.
 */
final class FunctionBodies {

  private FunctionBodies() {}

  static Optional<Blocks> of(PythonCodebase codebase, PythonModule module, List<String> hints) {
    return codebase
        .text(module.path())
        .filter(text -> hints.stream().anyMatch(text::contains))
        .flatMap(text -> codebase.blocks(module.path()));
  }
}
