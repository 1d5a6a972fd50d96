package dev.fleetcheck.vcs.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A loopback server that accepts git connections and never answers: a stalled remote. */
final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> held = new ArrayList<>();

  SilentServer() throws IOException {
    socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (!socket.isClosed()) {
                  Socket accepted = socket.accept();
                  synchronized (held) {
                    held.add(accepted);
                  }
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A git:// URL of a repository on this server. */
  String url(String repository) {
    return "git://127.0.0.1:" + socket.getLocalPort() + "/" + repository;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (held) {
      for (Socket accepted : held) {
        accepted.close();
      }
    }
  }
}
