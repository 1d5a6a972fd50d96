package dev.fleetcheck.core.rules;

import dev.fleetcheck.core.catalogue.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The identity of the code that decides a scan's outcome: a SHA-256 over the built class files of
 * the rules, facts, detectors, tokenizer, snapshot, waivers and engine, and the catalogue data,
 * sorted by path. The build computes it once ({@link PackCodeDigestGenerator}, at Maven's
 * process-classes) and ships it as {@value #RESOURCE}, so a changed check reaches every repository
 * on its next sweep without anyone remembering to bump a number.
 */
public final class PackCodeDigest {

  /** The class-path resource the build writes the digest to (outside the hashed packages). */
  public static final String RESOURCE = "dev/fleetcheck/core/pack-code.sha256";

  /** The packages under {@code dev/fleetcheck/core/} whose files make up the digest. */
  static final List<String> PACKAGES =
      List.of("catalogue", "engine", "facts", "python", "rules", "secrets", "snapshot", "waiver");

  private static final String ROOT = "dev/fleetcheck/core/";

  private PackCodeDigest() {}

  /**
   * The hex SHA-256 of {@code files} (path to content): each file framed by its path and length, in
   * path order, so moving, adding or changing any byte of any file changes it.
   */
  public static String of(SortedMap<String, byte[]> files) {
    MessageDigest sha = sha256();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] path = file.getKey().getBytes(StandardCharsets.UTF_8);
      sha.update((path.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(path);
      sha.update((":" + file.getValue().length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(file.getValue());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Where the hashed classes are: this module's (the rules, facts, detectors, tokenizer, snapshot,
   * waivers, engine) and the domain module's (the catalogue and its data, scoring), each a class
   * folder or a jar.
   */
  public static List<Path> codeLocations() {
    return List.of(locationOf(PackCodeDigest.class), locationOf(Catalogue.class));
  }

  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
    }
  }

  /**
   * The files of the hashed packages in {@code locations} (class folders or jars), by '/'-separated
   * path relative to their root.
   */
  public static SortedMap<String, byte[]> read(List<Path> locations) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        readPackages(location, files);
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
          readPackages(jar.getPath("/"), files);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + location, e);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no class files of the rule pack in " + locations);
    }
    return files;
  }

  private static void readPackages(Path root, SortedMap<String, byte[]> files) {
    for (String pkg : PACKAGES) {
      Path folder = root.resolve(ROOT + pkg);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          if (files.put(relative, Files.readAllBytes(file)) != null) {
            throw new IllegalStateException(relative + " is in two code locations");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder, e);
      }
    }
  }

  /**
   * The digest the build stored beside these classes.
   *
   * @throws IllegalStateException when the resource is missing: the classes were not built by the
   *     Maven build, whose process-classes phase writes it
   */
  public static String current() {
    try (InputStream in = PackCodeDigest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is missing: build with Maven (its process-classes phase computes the rule"
                + " pack's code digest)");
      }
      String digest = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (!digest.matches("[0-9a-f]{64}")) {
        throw new IllegalStateException(RESOURCE + " does not hold a SHA-256");
      }
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
