package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.python.LockFile;
import dev.fleetcheck.core.facts.python.LockFiles;
import dev.fleetcheck.core.facts.python.RequirementsFiles;
import dev.fleetcheck.core.facts.python.RequirementsFiles.Entry;
import dev.fleetcheck.core.facts.python.RequirementsFiles.RequirementsFile;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * PY-LCL-008: dependencies resolve deterministically: a lock file, or requirements files where
 * every requirement (editable installs, local paths and -r/-c includes aside) is pinned with ==.
 * The requirements files are those of the whole product code, so each function's or service's own
 * file counts ({@code services/api/requirements.txt}, a SAM {@code CodeUri} folder's); every
 * message names the files it read.
 */
public final class DeterministicDependencies implements Rule {

  private static final int MAX_LISTED = 20;
  private static final int MAX_NAMED = 10;

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-LCL-008",
              Profile.PYTHON,
              "Commit a lock file: run `uv lock` and commit `uv.lock` (or pin every requirement with"
                  + " `==`, e.g. `uv pip compile requirements.in -o requirements.txt`).")
          .defined(
              "PASS when a lock file exists (`uv.lock`, `poetry.lock`, `pdm.lock`, "
                  + "`Pipfile.lock`, `pylock.toml`) at the root or a workspace member, or "
                  + "every requirement of every product requirements file is pinned with "
                  + "`==`; else FAIL naming the files read.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<LockFile> locks = context.fact(LockFiles.FACT);
    if (!locks.isEmpty()) {
      return Outcome.pass(
          locks.stream().map(l -> Evidence.file(l.path(), l.manager() + " lock file")).toList());
    }
    List<RequirementsFile> read = context.fact(RequirementsFiles.IN_PRODUCT_CODE);
    List<RequirementsFile> compiled =
        read.stream().filter(f -> !f.isInput() && !f.entries().isEmpty()).toList();
    if (compiled.isEmpty()) {
      return Outcome.fail(
          Evidence.repository(
              "no lock file (uv.lock, poetry.lock, pdm.lock, Pipfile.lock, pylock.toml) at the"
                  + " root or workspace members, and no requirements file pinning dependencies ("
                  + describe(read)
                  + ")"));
    }
    List<Evidence> unpinned = new ArrayList<>();
    int total = 0;
    for (RequirementsFile file : compiled) {
      for (Entry entry : file.entries()) {
        if (!entry.requirement().pinned()) {
          total++;
          if (unpinned.size() < MAX_LISTED) {
            unpinned.add(
                Evidence.at(
                    file.path(),
                    entry.line(),
                    "`" + entry.requirement().name() + "` is not pinned with ==; no lock file"));
          }
        }
      }
    }
    if (unpinned.isEmpty()) {
      return Outcome.pass(
          compiled.stream()
              .map(f -> Evidence.file(f.path(), "every requirement pinned with =="))
              .toList());
    }
    if (total > unpinned.size()) {
      unpinned.add(
          Evidence.repository(
              (total - unpinned.size()) + " more unpinned requirements not listed"));
    }
    unpinned.add(Evidence.repository(describe(read)));
    return Outcome.fail(unpinned);
  }

  /** "requirements files read: a.txt, services/b/requirements.txt" (the first few named). */
  private static String describe(List<RequirementsFile> files) {
    if (files.isEmpty()) {
      return "no requirements file found outside test, docs and example code";
    }
    List<String> paths = files.stream().map(RequirementsFile::path).toList();
    String named = String.join(", ", paths.subList(0, Math.min(MAX_NAMED, paths.size())));
    String more = paths.size() > MAX_NAMED ? " and " + (paths.size() - MAX_NAMED) + " more" : "";
    return "requirements files read: " + named + more;
  }
}
