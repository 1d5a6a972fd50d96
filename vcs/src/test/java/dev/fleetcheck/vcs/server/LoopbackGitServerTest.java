package dev.fleetcheck.vcs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.testing.FixtureRepo;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class LoopbackGitServerTest {

  @TempDir Path fleet;

  @Test
  void servesWorkTreesAndBareRepositoriesOnLoopback() throws Exception {
    FixtureRepo.in(fleet.resolve("app")).file("README.md", "app\n").git().build();
    Git.cloneRepository()
        .setURI(fleet.resolve("app").toUri().toString())
        .setDirectory(fleet.resolve("lib.git").toFile())
        .setBare(true)
        .call()
        .close();
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      assertThat(server.url("app")).isEqualTo("git://127.0.0.1:" + server.port() + "/app");
      assertThat(heads(server.url("app"))).extracting(Ref::getName).contains("refs/heads/main");
      assertThat(heads(server.url("lib.git"))).extracting(Ref::getName).contains("refs/heads/main");
    }
  }

  @Test
  void stopsListeningWhenClosed() throws Exception {
    int port;
    try (LoopbackGitServer server = LoopbackGitServer.serve(fleet)) {
      port = server.port();
    }
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void refusesAMissingFolder() {
    assertThatThrownBy(() -> LoopbackGitServer.serve(fleet.resolve("absent")))
        .isInstanceOf(UncheckedIOException.class);
  }

  private static Collection<Ref> heads(String url) throws Exception {
    return Git.lsRemoteRepository().setRemote(url).setHeads(true).call();
  }
}
