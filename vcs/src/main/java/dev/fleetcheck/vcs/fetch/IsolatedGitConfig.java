package dev.fleetcheck.vcs.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit read its user, XDG, system and JGit configuration from an empty private folder. The
 * host's git configuration could otherwise rewrite URLs ({@code url.*.insteadOf}), add credential
 * helpers, proxies, hooks paths or smudge filters ({@code filter.lfs.smudge}) to a scan of an
 * untrusted repository. JGit keeps one {@link SystemReader} per JVM, so this applies to every JGit
 * use in the process once installed; fleetcheck never wants the host's configuration.
 */
final class IsolatedGitConfig extends SystemReader.Delegate {

  private final Path home;

  private IsolatedGitConfig(SystemReader delegate, Path home) {
    super(delegate);
    this.home = home;
  }

  /** Installs the isolation once per JVM; later calls keep the first one. */
  static synchronized void install() {
    if (SystemReader.getInstance() instanceof IsolatedGitConfig) {
      return;
    }
    try {
      // In this process's scratch folder: removed at exit, or at the next start after a kill.
      Path home = Files.createTempDirectory(ScratchFolders.forThisProcess().folder(), "git-home-");
      SystemReader.setInstance(new IsolatedGitConfig(SystemReader.getInstance(), home));
      // A file system not declared below is measured off the caller's thread.
      FS.FileStoreAttributes.setBackground(true);
      declareFileStore(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the private git configuration folder", e);
    }
  }

  /**
   * Records JGit's own fallback timestamp figures for the file system holding {@code folder} in the
   * private JGit configuration, so JGit never measures that file system. Measuring takes about
   * three seconds of probe files written and rewritten in the first folder JGit meets: in the
   * foreground that stalls the first clone, in the background it races the deletion of the folder
   * it probes (and keeps writing there after a short process has cleaned up). The fallback figures
   * are the coarse ones JGit uses until a measurement ends, which only make it re-read a file it
   * would otherwise trust by its timestamp: fleetcheck's clones are fresh and read-only.
   */
  static void declareFileStore(Path folder) {
    try {
      FileBasedConfig config = (FileBasedConfig) SystemReader.getInstance().getJGitConfig();
      String key = fileStoreKey(Files.getFileStore(folder));
      if (config.getString(ConfigConstants.CONFIG_FILESYSTEM_SECTION, key, RESOLUTION) != null) {
        return;
      }
      config.setString(
          ConfigConstants.CONFIG_FILESYSTEM_SECTION,
          key,
          RESOLUTION,
          FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis() + " milliseconds");
      config.setString(
          ConfigConstants.CONFIG_FILESYSTEM_SECTION,
          key,
          ConfigConstants.CONFIG_KEY_MIN_RACY_THRESHOLD,
          FALLBACK_MIN_RACY_THRESHOLD_MS + " milliseconds");
      config.save();
    } catch (IOException | ConfigInvalidException e) {
      // JGit then measures in the background, as it would without this declaration.
    }
  }

  private static final String RESOLUTION = ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION;
  private static final long FALLBACK_MIN_RACY_THRESHOLD_MS = 10;

  /** JGit's configuration subsection for a file system: Java vendor, version, store name. */
  private static String fileStoreKey(FileStore store) {
    return System.getProperty("java.vendor")
        + '|'
        + System.getProperty("java.version")
        + '|'
        + store.name();
  }

  /** The folder standing in for the user's home, for tests. */
  static Path home() {
    install();
    return ((IsolatedGitConfig) SystemReader.getInstance()).home;
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, home.resolve(".gitconfig").toFile(), fs);
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, home.resolve("system-gitconfig").toFile(), fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, home.resolve("jgitconfig").toFile(), fs);
  }

  @Override
  public Path getXdgConfigDirectory(FS fs) {
    return home.resolve(".config");
  }

  @Override
  public Path getXdgCacheDirectory(FS fs) {
    return home.resolve(".cache");
  }

  @Override
  public String getenv(String variable) {
    String name = variable.toUpperCase(Locale.ROOT);
    if (name.equals("HOME") || name.equals("XDG_CONFIG_HOME")) {
      return home.toString();
    }
    if (name.startsWith("GIT_") || name.startsWith("XDG_")) {
      // GIT_CONFIG_*, GIT_SSH, GIT_ASKPASS, GIT_PROXY_COMMAND... belong to the host, not to a scan.
      return null;
    }
    return super.getenv(variable);
  }

  @Override
  public String getProperty(String key) {
    return key.equals("user.home") ? home.toString() : super.getProperty(key);
  }
}
