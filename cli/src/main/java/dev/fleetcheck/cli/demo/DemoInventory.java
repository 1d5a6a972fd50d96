package dev.fleetcheck.cli.demo;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Writes the static inventory of the demo fleet: one entry per repository, URLs on loopback. */
public final class DemoInventory {

  private DemoInventory() {}

  /** Writes {@code file} (YAML) listing each repository at the URL {@code urls} gives. */
  public static Path write(
      Path file, List<DemoFleet.DemoRepository> repositories, Function<String, String> urls) {
    StringBuilder yaml = new StringBuilder("# The demo fleet, served over loopback git.\n");
    yaml.append("repositories:\n");
    for (DemoFleet.DemoRepository repository : repositories) {
      yaml.append("  - name: ").append(quoted(repository.name())).append('\n');
      yaml.append("    url: ").append(quoted(urls.apply(repository.name()))).append('\n');
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, yaml.toString());
      return file;
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.IO_ERROR, "cannot write the demo inventory " + file, e);
    }
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
