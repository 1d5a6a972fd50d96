package dev.fleetcheck.core.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (Maven process-classes, see core/pom.xml): writes {@link PackCodeDigest#RESOURCE} into
 * the class-output folder given as the only argument, from the classes compiled there.
 */
public final class PackCodeDigestGenerator {

  private PackCodeDigestGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PackCodeDigestGenerator <classes folder>");
    }
    Path classes = Path.of(args[0]);
    List<Path> locations = new ArrayList<>();
    locations.add(classes);
    for (Path location : PackCodeDigest.codeLocations()) {
      if (!location.toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())) {
        locations.add(location);
      }
    }
    String digest = PackCodeDigest.of(PackCodeDigest.read(locations));
    Path target = classes.resolve(PackCodeDigest.RESOURCE);
    Files.createDirectories(target.getParent());
    Files.writeString(target, digest + "\n", StandardCharsets.US_ASCII);
  }
}
