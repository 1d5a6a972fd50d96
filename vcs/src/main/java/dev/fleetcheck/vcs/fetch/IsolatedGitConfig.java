package dev.fleetcheck.vcs.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.lib.Config;
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
      // JGit measures each file system's timestamp resolution once, by touching a probe file in
      // the first folder it meets there, and caches the figure in the (now private) JGit config.
      // In the foreground that stalls the first clone by seconds; in the background inside a
      // work folder it races the folder's deletion. So measure in the background, here.
      FS.FileStoreAttributes.setBackground(true);
      measureFileStore(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the private git configuration folder", e);
    }
  }

  /**
   * Starts JGit's timestamp measurement for the file system holding {@code folder} in that folder
   * (not in a work folder about to be deleted); clones meanwhile use JGit's safe fallback values.
   */
  static void measureFileStore(Path folder) {
    FS.FileStoreAttributes.get(folder);
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
