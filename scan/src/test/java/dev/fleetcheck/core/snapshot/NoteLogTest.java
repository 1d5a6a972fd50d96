package dev.fleetcheck.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Evidence;
import org.junit.jupiter.api.Test;

class NoteLogTest {

  @Test
  void listsTheFirstNotesOfAKindAndCountsTheRest() {
    NoteLog log = new NoteLog();
    for (int i = 0; i < NoteLog.SHOWN_PER_KIND + 5; i++) {
      log.file(NoteLog.Kind.NOT_REGULAR, "fifo" + i, "not a regular file");
    }
    log.file(NoteLog.Kind.TOO_LARGE, "big.bin", "too large");

    assertThat(log.notes())
        .hasSize(NoteLog.SHOWN_PER_KIND + 2)
        .contains(Evidence.file("fifo0", "not a regular file"))
        .contains(Evidence.file("big.bin", "too large"))
        .doesNotContain(Evidence.file("fifo24", "not a regular file"))
        .contains(
            Evidence.repository(
                "5 more special files (FIFO, socket, device) skipped or limited;"
                    + " not listed one by one"));
  }

  @Test
  void controlCharactersInPathsAreMadePrintable() {
    assertThat(NoteLog.printable("a\nb\tc.py")).isEqualTo("a?b?c.py");
    assertThat(NoteLog.printable("plain/path.py")).isEqualTo("plain/path.py");
  }
}
