package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.container.ComposeFile;
import dev.fleetcheck.core.facts.container.ComposeFiles;
import dev.fleetcheck.core.facts.container.ComposeService;
import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-EXT-007: every emulator or service image the repository runs is pinned to a version or digest
 * (RULES.md, "Decisions"): compose {@code image:} (except services that also {@code build:}),
 * testcontainers image strings in Python code (tests included: that is where they run), and dev
 * container images. Dockerfile {@code FROM} is not this rule. No image reference at all is
 * NOT_APPLICABLE.
 */
public final class PinnedImages implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-EXT-007",
              Profile.PYTHON,
              "Pin every emulator/service image to a version tag or digest, e.g."
                  + " `localstack/localstack:3.8` or `postgres:16.4`, never `latest` or no tag.")
          .defined(
              "FAIL per emulator or container image reference (compose `image:`, "
                  + "testcontainers image strings) without an explicit version tag or "
                  + "digest, or tagged `latest`; PASS otherwise; NOT_APPLICABLE with no "
                  + "image reference.",
              Effort.LOW);

  private static final Pattern TESTCONTAINERS_IMPORT =
      Pattern.compile("^\\s*(?:from|import)\\s+testcontainers\\b", Pattern.MULTILINE);
  private static final Pattern CONTAINER_IMAGE =
      Pattern.compile(
          "\\b(?!(?:Docker)?Compose)\\w*Container\\s*\\(\\s*(?:image\\s*=\\s*)?([\"'])([^\"'\\s]+)\\1");
  private static final Pattern DEVCONTAINER_IMAGE =
      Pattern.compile("\"image\"\\s*:\\s*\"([^\"]+)\"");

  private record Found(Evidence where, ImageReference image) {}

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Found> images = new ArrayList<>();
    for (ComposeFile file : context.fact(ComposeFiles.FACT).files()) {
      for (ComposeService service : file.services()) {
        if (service.image().isPresent() && !service.build()) {
          images.add(
              new Found(
                  Evidence.at(file.path(), service.line(), "service `" + service.name() + "`"),
                  new ImageReference(service.image().get())));
        }
      }
    }
    testcontainers(context, images);
    devcontainers(context, images);
    if (images.isEmpty()) {
      return Outcome.notApplicable(
          "no container image reference (compose image:, testcontainers, devcontainer image)");
    }
    List<Evidence> unpinned = new ArrayList<>();
    List<Evidence> checked = new ArrayList<>();
    for (Found found : images) {
      Evidence where = found.where();
      switch (found.image().pinning()) {
        case UNPINNED ->
            unpinned.add(
                new Evidence(
                    where.path(), where.line(), where.message() + ": " + found.image().problem()));
        case PINNED ->
            checked.add(
                new Evidence(
                    where.path(),
                    where.line(),
                    where.message() + ": image `" + found.image().text() + "` is pinned"));
        case UNKNOWN ->
            checked.add(
                new Evidence(
                    where.path(),
                    where.line(),
                    where.message()
                        + ": image `"
                        + found.image().text()
                        + "` is set by a variable, not judged"));
      }
    }
    return unpinned.isEmpty() ? Outcome.pass(checked) : Outcome.fail(unpinned);
  }

  private static void testcontainers(RuleContext context, List<Found> images) {
    for (SourceFile file : context.snapshot().files()) {
      if (!file.isPython()) {
        continue;
      }
      Optional<String> text = context.snapshot().readText(file.path());
      if (text.isEmpty()
          || !text.get().contains("testcontainers")
          || !TESTCONTAINERS_IMPORT.matcher(text.get()).find()) {
        continue;
      }
      Matcher m = CONTAINER_IMAGE.matcher(text.get());
      while (m.find()) {
        images.add(
            new Found(
                Evidence.at(file.path(), TextLines.lineAt(text.get(), m.start()), "testcontainers"),
                new ImageReference(m.group(2))));
      }
    }
  }

  private static void devcontainers(RuleContext context, List<Found> images) {
    for (String path : context.fact(ContainerFiles.FACT).devcontainer()) {
      if (!path.endsWith(".json")) {
        continue;
      }
      Optional<String> text = context.snapshot().readText(path);
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = DEVCONTAINER_IMAGE.matcher(text.get());
      if (m.find()) {
        images.add(
            new Found(
                Evidence.at(path, TextLines.lineAt(text.get(), m.start()), "dev container"),
                new ImageReference(m.group(1))));
      }
    }
  }
}
