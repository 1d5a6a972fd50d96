package dev.fleetcheck.core.facts.ci;

import java.util.Map;
import java.util.Set;

/** One thing a CI configuration runs, with the file and line it is declared at. */
public sealed interface CiStep {

  String path();

  int line();

  /** A shell script: one command or several lines of them. */
  record Shell(String path, int line, String script) implements CiStep {}

  /** A reusable GitHub action ({@code uses:}) with its {@code with:} inputs. */
  record Action(String path, int line, String uses, Map<String, String> inputs) implements CiStep {
    public Action {
      inputs = Map.copyOf(inputs);
    }

    /** The action's name without the version: {@code pre-commit/action}. */
    public String name() {
      int at = uses.indexOf('@');
      return (at < 0 ? uses : uses.substring(0, at)).trim();
    }
  }

  /** pre-commit.ci runs every hook of the pre-commit configuration except the skipped ones. */
  record PreCommitCi(String path, int line, Set<String> skippedHooks) implements CiStep {
    public PreCommitCi {
      skippedHooks = Set.copyOf(skippedHooks);
    }
  }
}
