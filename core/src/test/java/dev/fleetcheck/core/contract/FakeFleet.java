package dev.fleetcheck.core.contract;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.core.port.RepoInventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An inventory and a fetcher over repositories that exist only as descriptions: each fetch writes a
 * small Python tree (with marker files for the rules it should fail) into a fresh folder and
 * removes it on close. A repository's commit changes when its content does.
 */
public final class FakeFleet implements RepoInventory, RepoFetcher {

  private record Repo(
      String team,
      int revision,
      Set<String> failingRules,
      ErrorCode failure,
      Map<String, String> files) {

    Repo(String team, int revision, Set<String> failingRules, ErrorCode failure) {
      this(team, revision, failingRules, failure, Map.of());
    }
  }

  private final Path workRoot;
  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> resolves = new ConcurrentHashMap<>();
  private final AtomicInteger checkouts = new AtomicInteger();

  public FakeFleet(Path workRoot) {
    this.workRoot = workRoot;
  }

  public synchronized FakeFleet add(String name, String team, String... failingRules) {
    repos.put(name, new Repo(team, 1, Set.of(failingRules), null));
    return this;
  }

  /** Every fetch of {@code name} fails with {@code code}. */
  public synchronized FakeFleet failAlways(String name, ErrorCode code) {
    Repo repo = repos.get(name);
    repos.put(
        name, new Repo(repo.team(), repo.revision(), repo.failingRules(), code, repo.files()));
    return this;
  }

  /** A new commit of {@code name} that fails exactly {@code failingRules}. */
  public synchronized FakeFleet commit(String name, String... failingRules) {
    Repo repo = repos.get(name);
    repos.put(
        name, new Repo(repo.team(), repo.revision() + 1, Set.of(failingRules), null, repo.files()));
    return this;
  }

  /** A new commit of {@code name} that also holds {@code path} with {@code content}. */
  public synchronized FakeFleet file(String name, String path, String content) {
    Repo repo = repos.get(name);
    Map<String, String> files = new LinkedHashMap<>(repo.files());
    files.put(path, content);
    repos.put(
        name,
        new Repo(repo.team(), repo.revision() + 1, repo.failingRules(), repo.failure(), files));
    return this;
  }

  /** How many times the head of {@code name} was asked for without a fetch. */
  public int resolves(String name) {
    return resolves.getOrDefault(name, new AtomicInteger()).get();
  }

  public int fetches(String name) {
    return fetches.getOrDefault(name, new AtomicInteger()).get();
  }

  public synchronized String commitOf(String name) {
    return commitHash(name, repos.get(name).revision());
  }

  @Override
  public synchronized List<RepoRef> list() {
    List<RepoRef> refs = new ArrayList<>();
    repos.forEach((name, repo) -> refs.add(new RepoRef(name, "fake://" + name, repo.team(), "")));
    return refs;
  }

  @Override
  public Optional<String> resolveHead(RepoRef ref) {
    resolves.computeIfAbsent(ref.name(), n -> new AtomicInteger()).incrementAndGet();
    Repo repo = existing(ref);
    return Optional.of(commitHash(ref.name(), repo.revision()));
  }

  private synchronized Repo existing(RepoRef ref) {
    Repo repo = repos.get(ref.name());
    if (repo == null) {
      throw new FleetcheckException(ErrorCode.REPO_NOT_FOUND, "no repository " + ref.name());
    }
    if (repo.failure() != null) {
      throw new FleetcheckException(repo.failure(), "fetch of " + ref.name() + " failed");
    }
    return repo;
  }

  @Override
  public FetchedRepo fetch(RepoRef ref) {
    fetches.computeIfAbsent(ref.name(), n -> new AtomicInteger()).incrementAndGet();
    Repo repo = existing(ref);
    Path dir = workRoot.resolve("checkout-" + checkouts.incrementAndGet());
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("pyproject.toml"),
          "[project]\nname = \"" + ref.name() + "\"\nversion = \"" + repo.revision() + ".0\"\n");
      Files.writeString(dir.resolve("app.py"), "print('hello')\n");
      for (Map.Entry<String, String> file : repo.files().entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      for (String rule : repo.failingRules()) {
        Files.writeString(
            dir.resolve(MarkerScanner.markerFile(rule)), rule + " fails in " + ref.name() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String commit = commitHash(ref.name(), repo.revision());
    return new FetchedRepo() {
      @Override
      public Path directory() {
        return dir;
      }

      @Override
      public String commit() {
        return commit;
      }

      @Override
      public void close() {
        deleteTree(dir);
      }
    };
  }

  private static String commitHash(String name, int revision) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((name + "@" + revision).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
