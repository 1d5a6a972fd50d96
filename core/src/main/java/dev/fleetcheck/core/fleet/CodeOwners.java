package dev.fleetcheck.core.fleet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The team owning a repository as its CODEOWNERS file says: the owners of the pattern covering
 * everything ({@code *}, {@code /}, {@code /*}, {@code **} or {@code /**}), the last such line
 * winning as in GitHub, and among its owners the first {@code @org/team}, else the first user or
 * e-mail. Used when the inventory names no team.
 *
 * <p>Owners come back without the leading {@code @}: {@code acme/payments}, {@code alice}.
 */
public final class CodeOwners {

  /** Where GitHub looks, in its order; only the first file found is used. */
  public static final List<String> LOCATIONS =
      List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

  private static final Set<String> EVERYTHING = Set.of("*", "/", "/*", "**", "/**");
  private static final Pattern TEAM = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
  private static final Pattern USER = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern INLINE_COMMENT = Pattern.compile("(?<!\\\\)\\s#.*$");

  private CodeOwners() {}

  /**
   * The default owner declared by the first CODEOWNERS file of a work tree, given as what exists
   * and how to read it: the scan module passes its snapshot, which refuses symbolic links out of
   * the tree and caps the bytes it reads.
   */
  public static Optional<String> teamOf(
      Predicate<String> exists, Function<String, Optional<String>> readText) {
    for (String location : LOCATIONS) {
      if (exists.test(location)) {
        return readText.apply(location).flatMap(CodeOwners::defaultOwner);
      }
    }
    return Optional.empty();
  }

  /** The default owner declared by CODEOWNERS {@code content}. */
  public static Optional<String> defaultOwner(String content) {
    List<String> owners = List.of();
    for (String raw : content.split("\\R")) {
      String line = INLINE_COMMENT.matcher(raw.strip()).replaceFirst("").strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] tokens = line.split("\\s+");
      if (EVERYTHING.contains(tokens[0])) {
        owners = List.of(tokens).subList(1, tokens.length);
      }
    }
    return preferred(owners);
  }

  private static Optional<String> preferred(List<String> owners) {
    for (String owner : owners) {
      if (TEAM.matcher(owner).matches()) {
        return Optional.of(owner.substring(1));
      }
    }
    for (String owner : owners) {
      if (USER.matcher(owner).matches()) {
        return Optional.of(owner.substring(1));
      }
      if (EMAIL.matcher(owner).matches()) {
        return Optional.of(owner);
      }
    }
    return Optional.empty();
  }
}
