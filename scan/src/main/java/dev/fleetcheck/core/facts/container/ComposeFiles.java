package dev.fleetcheck.core.facts.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.LineIndex;
import dev.fleetcheck.core.facts.Parsed;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compose files outside test code ({@code compose.yaml}, {@code docker-compose.yml}, {@code
 * docker-compose.dev.yml}, {@code compose.override.yaml}, ...), with their services. Compose files
 * inside test code are fixtures and never count.
 */
public record ComposeFiles(List<ComposeFile> files) {

  public static final Fact<ComposeFiles> FACT = Fact.of("compose.files", ComposeFiles::find);

  private static final Pattern NAME =
      Pattern.compile(
          "^(?:docker-)?compose(?:[._-][A-Za-z0-9_.-]+)?\\.ya?ml$|^[A-Za-z0-9_.-]+\\.compose\\.ya?ml$",
          Pattern.CASE_INSENSITIVE);

  public ComposeFiles {
    files = List.copyOf(files);
  }

  public boolean any() {
    return !files.isEmpty();
  }

  public List<String> paths() {
    return files.stream().map(ComposeFile::path).toList();
  }

  public static boolean isComposeFile(String name) {
    boolean yaml =
        name.regionMatches(true, name.length() - 4, ".yml", 0, 4)
            || name.regionMatches(true, name.length() - 5, ".yaml", 0, 5);
    return yaml && NAME.matcher(name).matches();
  }

  private static ComposeFiles find(Facts facts) {
    List<ComposeFile> files = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (file.testCode() || !isComposeFile(file.name())) {
        continue;
      }
      files.add(read(facts, file.path()));
    }
    return new ComposeFiles(files);
  }

  private static ComposeFile read(Facts facts, String path) {
    Parsed<JsonNode> parsed = ConfigParsers.yaml(facts, path);
    if (!(parsed instanceof Parsed.Ok<JsonNode> ok)) {
      return new ComposeFile(path, false, List.of());
    }
    String text = facts.snapshot().readText(path).orElse("");
    List<String> lines = TextLines.of(text);
    LineIndex index = LineIndex.of(text);
    List<ComposeService> services = new ArrayList<>();
    int servicesLine = indexOf(lines, Pattern.compile("^services\\s*:"), 0);
    for (Map.Entry<String, JsonNode> service : ok.value().path("services").properties()) {
      JsonNode body = service.getValue();
      Optional<String> image =
          body.path("image").isValueNode()
              ? Optional.of(body.path("image").asText())
              : Optional.empty();
      boolean build = body.has("build");
      int line =
          index.keyLineFrom(
              LineIndex.KeyStyle.INDENTED_YAML, service.getKey(), Math.max(0, servicesLine) + 1);
      services.add(new ComposeService(service.getKey(), image, build, line));
    }
    return new ComposeFile(path, true, services);
  }

  private static int indexOf(List<String> lines, Pattern pattern, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }
}
