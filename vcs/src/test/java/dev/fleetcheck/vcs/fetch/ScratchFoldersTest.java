package dev.fleetcheck.vcs.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFoldersTest {

  @TempDir Path tmp;

  @Test
  void startingRemovesTheFoldersOfKilledRunsAndKeepsThoseOfLiveOnes() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path killed = leftover(gone.pid() + "-a1", gone.pid() + " 1700000000000");
    Files.createDirectories(killed.resolve("fleetcheck-clone-123/.git/objects"));
    Files.writeString(killed.resolve("fleetcheck-clone-123/.git/objects/pack"), "bytes");
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().orElseThrow().toEpochMilli();
    Path live = leftover(self.pid() + "-b2", self.pid() + " " + started);
    Path reusedPid = leftover(self.pid() + "-c3", self.pid() + " " + (started - 60_000));
    Path beingCreated =
        Files.createDirectory(tmp.resolve(ScratchFolders.PREFIX + self.pid() + "-d4"));
    Path unrelated = Files.createDirectory(tmp.resolve("fleetcheck-run-notapid"));
    Path other = Files.createDirectory(tmp.resolve("someone-elses"));

    ScratchFolders mine = ScratchFolders.claim(tmp);

    assertThat(killed).doesNotExist();
    assertThat(reusedPid).as("its pid now names a process started at another time").doesNotExist();
    assertThat(live).isDirectory();
    assertThat(beingCreated).as("no owner file yet, but its pid is alive").isDirectory();
    assertThat(unrelated).isDirectory();
    assertThat(other).isDirectory();
    assertThat(mine.folder().getParent()).isEqualTo(tmp);
    assertThat(mine.folder().resolve(ScratchFolders.OWNER_FILE))
        .hasContent(self.pid() + " " + started);

    Files.createDirectories(mine.folder().resolve("git-home-1/.config"));
    mine.remove();
    assertThat(mine.folder()).doesNotExist();
  }

  private Path leftover(String suffix, String owner) throws Exception {
    Path run = Files.createDirectory(tmp.resolve(ScratchFolders.PREFIX + suffix));
    Files.writeString(run.resolve(ScratchFolders.OWNER_FILE), owner);
    return run;
  }
}
