package dev.fleetcheck.core.facts.container;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Container build files outside test code (RULES.md, "Container files"): {@code Dockerfile}, {@code
 * Dockerfile.*}, {@code *.Dockerfile}, {@code Containerfile}, {@code Containerfile.*}, in any
 * language; and the dev container definition ({@code .devcontainer/} or {@code .devcontainer.json}
 * at the root).
 */
public record ContainerFiles(List<String> containerfiles, List<String> devcontainer) {

  public static final Fact<ContainerFiles> FACT = Fact.of("container.files", ContainerFiles::find);

  public ContainerFiles {
    containerfiles = List.copyOf(containerfiles);
    devcontainer = List.copyOf(devcontainer);
  }

  public boolean any() {
    return !containerfiles.isEmpty() || !devcontainer.isEmpty();
  }

  public boolean hasDevcontainer() {
    return !devcontainer.isEmpty();
  }

  /** Whether a file name is a Dockerfile/Containerfile (not its .dockerignore). */
  public static boolean isContainerfile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".dockerignore") || lower.endsWith(".containerignore")) {
      return false;
    }
    return lower.equals("dockerfile")
        || lower.startsWith("dockerfile.")
        || lower.endsWith(".dockerfile")
        || lower.equals("containerfile")
        || lower.startsWith("containerfile.");
  }

  private static ContainerFiles find(Facts facts) {
    List<String> containerfiles = new ArrayList<>();
    List<String> devcontainer = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (file.testCode()) {
        continue;
      }
      if (isContainerfile(file.name())) {
        containerfiles.add(file.path());
      } else if (file.path().startsWith(".devcontainer/")
          || file.path().equals(".devcontainer.json")) {
        devcontainer.add(file.path());
      }
    }
    return new ContainerFiles(containerfiles, devcontainer);
  }
}
