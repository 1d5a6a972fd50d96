package dev.fleetcheck.core.rules.pkg;

import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.container.DockerInstruction;
import dev.fleetcheck.core.facts.container.Dockerfile;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ShellWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-PKG-004 (assisted): container builds that cannot be reproduced: a {@code FROM} image with no
 * tag, {@code latest} or a tag without a digit and no digest (PY-EXT-007's tag rule applied to
 * {@code FROM}; stage aliases, {@code scratch} and {@code ${ARG}} images exempt), and {@code RUN
 * pip install} of named packages without {@code ==} pins outside a requirements or lock file.
 */
public final class UnpinnedBaseImages implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PKG-004",
              Set.of(Profile.PYTHON),
              "Pin base images to a version tag or digest (python:3.12.4-slim, or @sha256:...) and"
                  + " install Python packages from a lock or requirements file, or with == pins.")
          .defined(
              "FAIL on an evident violation: in container files outside test code: a "
                  + "`FROM` image with no tag, `latest`, or a tag without a digit "
                  + "(`python`, `python:slim`) and no digest; stage aliases, `scratch` and "
                  + "`${ARG}` images are exempt (PY-EXT-007's tag rule, which RULES.md "
                  + "leaves off `FROM`); a `RUN pip install` of named packages without `==` "
                  + "pins in a command that installs from no requirements, constraints or "
                  + "lock file (`-r`, `-c`, `--require-hashes`, local paths; `pip`, "
                  + "`setuptools`, `wheel` upgrades exempt). Narrowed: `uv`/`poetry` "
                  + "installs and apt packages are not judged",
              Effort.LOW);

  /** Packaging tools an image upgrades in place; their versions do not change the app. */
  private static final Set<String> TOOLS = Set.of("pip", "setuptools", "wheel");

  private static final Set<String> FROM_FILE =
      Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "--require-hashes");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<String> files = context.fact(ContainerFiles.FACT).containerfiles();
    if (files.isEmpty()) {
      return Outcome.notApplicable("no Dockerfile or Containerfile outside test code");
    }
    List<Evidence> findings = new ArrayList<>();
    for (String path : files) {
      Optional<String> text = context.snapshot().readText(path);
      if (text.isEmpty()) {
        continue;
      }
      Set<String> stages = new HashSet<>();
      for (DockerInstruction instruction : Dockerfile.parse(text.get())) {
        if (instruction.keyword().equalsIgnoreCase("FROM")) {
          from(path, instruction, stages).ifPresent(findings::add);
        } else if (instruction.keyword().equalsIgnoreCase("RUN")) {
          pipInstall(path, instruction).ifPresent(findings::add);
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<Evidence> from(
      String path, DockerInstruction instruction, Set<String> stages) {
    List<String> words =
        ShellWords.split(instruction.arguments()).stream()
            .filter(w -> !w.startsWith("--"))
            .toList();
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String image = words.get(0);
    if (words.size() >= 3 && words.get(1).equalsIgnoreCase("as")) {
      stages.add(words.get(2).toLowerCase(Locale.ROOT));
    }
    if (image.contains("$")
        || image.equalsIgnoreCase("scratch")
        || stages.contains(image.toLowerCase(Locale.ROOT))
        || image.contains("@sha256:")) {
      return Optional.empty();
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    String tag = colon > slash ? image.substring(colon + 1) : "";
    String problem = null;
    if (tag.isEmpty()) {
      problem = "has no tag";
    } else if (tag.equalsIgnoreCase("latest")) {
      problem = "uses the moving tag latest";
    } else if (!tag.matches(".*\\d.*")) {
      problem = "uses the tag " + tag + ", which names no version";
    }
    return problem == null
        ? Optional.empty()
        : Optional.of(
            Evidence.at(
                path,
                instruction.line(),
                "base image " + image + " " + problem + " and no digest"));
  }

  private static Optional<Evidence> pipInstall(String path, DockerInstruction instruction) {
    for (String command : instruction.arguments().split("&&|;|\\|\\|")) {
      List<String> words = ShellWords.split(command);
      int install = installIndex(words);
      if (install < 0) {
        continue;
      }
      List<String> unpinned = new ArrayList<>();
      boolean fromFile = false;
      for (String word : words.subList(install + 1, words.size())) {
        if (FROM_FILE.contains(word) || word.startsWith("--requirement=")) {
          fromFile = true;
        } else if (!word.startsWith("-")
            && !word.contains("/")
            && !word.startsWith(".")
            && !word.contains("$")
            && !word.contains("==")
            && !word.contains("@")
            && !TOOLS.contains(word.toLowerCase(Locale.ROOT).replaceAll("[<>=!~\\[].*", ""))) {
          unpinned.add(word);
        }
      }
      if (!fromFile && !unpinned.isEmpty()) {
        return Optional.of(
            Evidence.at(
                path,
                instruction.line(),
                "pip installs packages without == pins: " + String.join(" ", unpinned)));
      }
    }
    return Optional.empty();
  }

  /** The index of {@code install} after {@code pip}, {@code pip3} or {@code python -m pip}. */
  private static int installIndex(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      String word = words.get(i);
      boolean pip = word.equals("pip") || word.equals("pip3") || word.endsWith("/pip");
      if (pip && words.get(i + 1).equals("install")) {
        return i + 1;
      }
    }
    return -1;
  }
}
