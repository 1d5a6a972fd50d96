package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.precommit.Hook;
import dev.fleetcheck.core.facts.precommit.PreCommitConfig;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The shared judgement of the pre-commit hook rules (PY-LCL-014 to 017). */
final class HookCheck {

  private HookCheck() {}

  static Outcome require(RuleContext context, String what, Predicate<Hook> matches) {
    PreCommitConfig config = context.fact(PreCommitConfig.FACT);
    if (!config.present()) {
      return Outcome.fail(
          Evidence.repository("no .pre-commit-config.yaml at the repository root, so no " + what));
    }
    String path = config.path().orElseThrow();
    Optional<Hook> hook = config.hooks().stream().filter(matches).findFirst();
    if (hook.isPresent()) {
      return Outcome.pass(
          Evidence.at(path, hook.get().line(), what + ": `" + hook.get().id() + "`"));
    }
    List<String> ids = config.hooks().stream().map(Hook::id).distinct().toList();
    return Outcome.fail(
        Evidence.file(
            path,
            "no " + what + " (hooks: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")"));
  }
}
