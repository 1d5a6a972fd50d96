package dev.fleetcheck.vcs.fetch;

import dev.fleetcheck.core.error.ErrorCode;
import dev.fleetcheck.core.error.FleetcheckException;
import dev.fleetcheck.core.model.RepoRef;
import dev.fleetcheck.core.port.FetchedRepo;
import dev.fleetcheck.core.port.RepoFetcher;
import dev.fleetcheck.vcs.AccessToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.SubmoduleConfig.FetchRecurseSubmodulesMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Fetches the tip of one branch (the remote's HEAD unless the reference names a branch) as a
 * depth-1 clone into a fresh temporary folder, within {@link FetchLimits}.
 *
 * <p>What a scan of an untrusted repository must not do is excluded: the host's git configuration
 * is never read ({@link IsolatedGitConfig}), no hook runs, no submodule is fetched, no tag is
 * fetched, no smudge filter (LFS or other) runs because no filter driver is configured, and
 * symbolic links are checked out as plain files holding their target. The transfer runs on a worker
 * thread watched by the calling thread, which stops it at the time bound or when the received
 * objects outgrow the size bound; the tree is measured before checkout. The work folder is deleted
 * on every failure, and by {@link FetchedRepo#close()} after success.
 */
public final class JGitFetcher implements RepoFetcher {

  /** The user name GitHub (and most hosts) expect with an access token over https. */
  static final String TOKEN_USER = "x-access-token";

  private static final long WATCH_INTERVAL_MILLIS = 50;
  private static final long STOP_GRACE_MILLIS = 500;

  private final FetchLimits limits;
  private final Path workRoot;
  private final Optional<AccessToken> token;
  private final boolean allowFileUrls;

  /**
   * @param limits time, size and file-count bounds of each fetch
   * @param workRoot the folder in which each fetch creates its own work folder (the temporary
   *     folder in production; Lambda reuses it, hence the deletion after every job)
   * @param token offered to https hosts (and loopback http) that ask for credentials, as user
   *     {@code x-access-token}; never put in a URL
   * @param allowFileUrls whether {@code file://} URLs of local repositories are accepted
   */
  public JGitFetcher(
      FetchLimits limits, Path workRoot, Optional<AccessToken> token, boolean allowFileUrls) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
    this.token = Objects.requireNonNull(token, "token");
    this.allowFileUrls = allowFileUrls;
    IsolatedGitConfig.install();
    if (Files.isDirectory(workRoot)) {
      IsolatedGitConfig.declareFileStore(workRoot);
    }
  }

  /** Default bounds, this process's scratch folder, no token, remote URLs only. */
  public static JGitFetcher withDefaults() {
    return new JGitFetcher(
        FetchLimits.DEFAULT, ScratchFolders.forThisProcess().folder(), Optional.empty(), false);
  }

  @Override
  public FetchedRepo fetch(RepoRef repo) {
    RepoUrl url = RepoUrl.parse(repo.url(), allowFileUrls);
    Path work = createWorkFolder();
    CloneWatch watch = new CloneWatch();
    FutureTask<String> clone =
        new FutureTask<>(() -> cloneOrClear(work, url, repo.defaultBranch(), watch));
    Thread worker = new Thread(clone, "fleetcheck-clone");
    worker.setDaemon(true);
    worker.start();
    try {
      return new WorkFolder(work, awaitClone(clone, work, watch));
    } catch (ExecutionException e) {
      throw CloneFailures.map(e.getCause(), url, watch.reason());
    } catch (InterruptedException e) {
      watch.stop(CloneWatch.Stop.TIMEOUT);
      Thread.currentThread().interrupt();
      throw new FleetcheckException(
          ErrorCode.CLONE_FAILED, "clone of " + url.uri() + " was interrupted", e);
    } catch (TimeoutException e) {
      throw CloneFailures.map(e, url, watch.reason());
    } finally {
      if (!clone.isDone() || watch.isCancelled() || isFailed(clone)) {
        stopWorker(worker, watch);
        WorkFolder.delete(work);
      }
    }
  }

  /**
   * Lists the remote's references (git ls-remote: no object is transferred, nothing is written)
   * with the fetch's isolation, credentials and time bound, and answers the commit the branch, or
   * HEAD, points at. Failures carry the fetch's error codes.
   */
  @Override
  public Optional<String> resolveHead(RepoRef repo) {
    RepoUrl url = RepoUrl.parse(repo.url(), allowFileUrls);
    String source = sourceRef(repo.defaultBranch());
    FutureTask<Map<String, Ref>> listing = new FutureTask<>(() -> listRefs(url));
    Thread worker = new Thread(listing, "fleetcheck-ls-remote");
    worker.setDaemon(true);
    worker.start();
    try {
      Ref tip = listing.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS).get(source);
      if (tip == null || tip.getObjectId() == null) {
        return Optional.empty(); // the fetch reports the missing branch with its own message
      }
      ObjectId peeled = tip.getPeeledObjectId();
      return Optional.of((peeled != null ? peeled : tip.getObjectId()).name());
    } catch (ExecutionException e) {
      throw CloneFailures.map(e.getCause(), url, CloneWatch.Stop.NONE);
    } catch (TimeoutException e) {
      throw CloneFailures.map(e, url, CloneWatch.Stop.TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetcheckException(
          ErrorCode.CLONE_FAILED, "listing " + url.uri() + " was interrupted", e);
    } finally {
      if (!listing.isDone()) {
        // The transport's socket timeout ends a stalled read; the interrupt ends it sooner.
        worker.interrupt();
      }
    }
  }

  private Map<String, Ref> listRefs(RepoUrl url) throws Exception {
    LsRemoteCommand list =
        Git.lsRemoteRepository().setRemote(url.uri()).setTimeout(limits.transportTimeoutSeconds());
    credentials(url).ifPresent(list::setCredentialsProvider);
    return list.callAsMap();
  }

  private Optional<CredentialsProvider> credentials(RepoUrl url) {
    if (token.isPresent() && url.acceptsToken()) {
      return Optional.of(new UsernamePasswordCredentialsProvider(TOKEN_USER, token.get().reveal()));
    }
    return Optional.empty();
  }

  /** Waits for the clone while watching the clock and the bytes received. */
  private String awaitClone(FutureTask<String> clone, Path work, CloneWatch watch)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    Path gitDir = work.resolve(Constants.DOT_GIT);
    while (true) {
      try {
        return clone.get(WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (System.nanoTime() - deadline > 0) {
          watch.stop(CloneWatch.Stop.TIMEOUT);
          throw stillRunning;
        }
        if (WorkFolder.size(gitDir) > limits.maxBytes()) {
          watch.stop(CloneWatch.Stop.TOO_LARGE);
          throw stillRunning;
        }
      }
    }
  }

  /**
   * Stops a clone still running: the cancelled monitor ends it at JGit's next check and the
   * interrupt ends a socket read (JGit's transport timeout works by interrupting the reader). Waits
   * a short, bounded time so the folder is usually deleted after the worker stopped writing; a
   * worker that outlives the wait deletes the folder itself when it ends.
   */
  private static void stopWorker(Thread worker, CloneWatch watch) {
    watch.stop(CloneWatch.Stop.TIMEOUT);
    worker.interrupt();
    try {
      worker.join(STOP_GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isFailed(FutureTask<String> clone) {
    if (!clone.isDone()) {
      return false;
    }
    try {
      clone.get();
      return false;
    } catch (ExecutionException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return true;
    }
  }

  private Path createWorkFolder() {
    try {
      Files.createDirectories(workRoot);
      return Files.createTempDirectory(workRoot, "fleetcheck-clone-");
    } catch (IOException e) {
      throw new FleetcheckException(
          ErrorCode.CLONE_FAILED, "cannot create a work folder under " + workRoot, e);
    }
  }

  private String cloneOrClear(Path work, RepoUrl url, String branch, CloneWatch watch)
      throws Exception {
    try {
      return cloneInto(work, url, branch, watch);
    } finally {
      if (watch.isCancelled()) {
        WorkFolder.delete(work);
      }
    }
  }

  private String cloneInto(Path work, RepoUrl url, String branch, CloneWatch watch)
      throws Exception {
    try (Git git = Git.init().setDirectory(work.toFile()).call()) {
      Repository repo = git.getRepository();
      configureUntrustedCheckout(repo, work);
      String source = sourceRef(branch);
      stopIfCancelled(watch);
      FetchResult result =
          fetchCommand(git, url, watch)
              .setRefSpecs(new RefSpec("+" + source + ":refs/fleetcheck/target"))
              .call();
      Ref tip = result.getAdvertisedRef(source);
      if (tip == null || tip.getObjectId() == null) {
        throw new FleetcheckException(
            ErrorCode.CLONE_FAILED, url.uri() + " has no " + source + " to check out");
      }
      RevCommit commit;
      try (RevWalk walk = new RevWalk(repo)) {
        commit = walk.parseCommit(tip.getObjectId());
      }
      TreeBounds.check(repo, commit.getTree(), limits, url);
      stopIfCancelled(watch);
      checkout(repo, commit, watch);
      return commit.name();
    }
  }

  private static void stopIfCancelled(CloneWatch watch) {
    if (watch.isCancelled()) {
      throw new CancellationException("clone stopped by its watch: " + watch.reason());
    }
  }

  private FetchCommand fetchCommand(Git git, RepoUrl url, CloneWatch watch) {
    FetchCommand fetch =
        git.fetch()
            .setRemote(url.uri())
            .setDepth(1)
            .setTagOpt(TagOpt.NO_TAGS)
            .setRecurseSubmodules(FetchRecurseSubmodulesMode.NO)
            .setRemoveDeletedRefs(false)
            .setProgressMonitor(watch)
            .setTimeout(limits.transportTimeoutSeconds());
    credentials(url).ifPresent(fetch::setCredentialsProvider);
    return fetch;
  }

  private static String sourceRef(String branch) {
    if (branch.isEmpty()) {
      return Constants.HEAD;
    }
    return branch.startsWith(Constants.R_REFS) ? branch : Constants.R_HEADS + branch;
  }

  /**
   * JGit runs no hook while fetching or checking out; the hooks path still points at a folder that
   * does not exist so that a later JGit command in this tree cannot run one either.
   */
  private static void configureUntrustedCheckout(Repository repo, Path work) throws IOException {
    StoredConfig config = repo.getConfig();
    config.setBoolean(
        ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_SYMLINKS, false);
    config.setString(
        ConfigConstants.CONFIG_CORE_SECTION,
        null,
        ConfigConstants.CONFIG_KEY_HOOKS_PATH,
        work.resolve(Constants.DOT_GIT).resolve("fleetcheck-no-hooks").toString());
    config.setBoolean(
        ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF, false);
    config.save();
  }

  private static void checkout(Repository repo, RevCommit commit, CloneWatch watch)
      throws IOException {
    DirCache index = repo.lockDirCache();
    DirCacheCheckout checkout = new DirCacheCheckout(repo, index, commit.getTree());
    checkout.setProgressMonitor(watch);
    checkout.checkout();
    RefUpdate head = repo.updateRef(Constants.HEAD, true);
    head.setNewObjectId(commit);
    head.forceUpdate();
  }
}
