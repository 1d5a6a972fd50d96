package dev.fleetcheck.vcs.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * Serves every repository below one folder over {@code git://127.0.0.1:<port>/<name>}, read-only,
 * with JGit's in-process daemon. It binds to the loopback address only, on a port the system picks,
 * so it is reachable from this machine alone. {@code make run} serves the demo fleet with it; the
 * tests and the clone benchmark use it as the remote.
 *
 * <pre>{@code
 * try (LoopbackGitServer server = LoopbackGitServer.serve(fleetFolder)) {
 *   String url = server.url("payments-api");   // git://127.0.0.1:40123/payments-api
 * }
 * }</pre>
 *
 * <p>A name resolves to {@code <folder>/<name>}, bare or with a {@code .git} folder inside, or to
 * {@code <folder>/<name>.git}. Pushing is not served.
 */
public final class LoopbackGitServer implements AutoCloseable {

  private final Daemon daemon;
  private final Path root;

  private LoopbackGitServer(Daemon daemon, Path root) {
    this.daemon = daemon;
    this.root = root;
  }

  /**
   * Starts serving the repositories below {@code root}.
   *
   * @throws UncheckedIOException when the folder is missing or no port can be bound
   */
  public static LoopbackGitServer serve(Path root) {
    Objects.requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new UncheckedIOException(
          new IOException("not a folder of repositories: " + root.toAbsolutePath()));
    }
    Daemon daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon.setRepositoryResolver(new FileResolver<DaemonClient>(root.toFile(), true));
    daemon.getService("git-receive-pack").setEnabled(false);
    daemon.setTimeout(60);
    try {
      daemon.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the loopback git server", e);
    }
    return new LoopbackGitServer(daemon, root);
  }

  /** The port bound on 127.0.0.1. */
  public int port() {
    return daemon.getAddress().getPort();
  }

  /** The URL of the repository named {@code name} below the served folder. */
  public String url(String name) {
    return "git://" + daemon.getAddress().getAddress().getHostAddress() + ":" + port() + "/" + name;
  }

  /** The folder whose repositories are served. */
  public Path root() {
    return root;
  }

  /** Stops accepting connections and waits for the accept loop to end. */
  @Override
  public void close() {
    try {
      daemon.stopAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
