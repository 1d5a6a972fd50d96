package dev.fleetcheck.core.rules.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.RepoSnapshot;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogEventsTest {

  @TempDir Path dir;

  private LogEvents eventsOf(Path repo) {
    return new Facts(RepoSnapshot.of(repo)).get(LogEvents.FACT);
  }

  @Test
  void aTrackedEventNameIsFoundWhereItFirstOccursAsALiteralInProductCode() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/a.py",
                """
                EVENTS = {"end": "request.end", "other": "order.created"}

                def call(emit):
                    emit(["x", "dependency.call"])
                """)
            .file("app/b.py", "END = 'request.end'\n# security.audit in a comment\n")
            .file("tests/test_a.py", "AUDIT = 'security.audit'\n")
            .build();

    LogEvents events = eventsOf(repo);

    assertThat(events.occurs(LogEvents.REQUEST_END))
        .contains(Evidence.at("app/a.py", 1, "request.end"));
    assertThat(events.occurs(LogEvents.DEPENDENCY_CALL))
        .contains(Evidence.at("app/a.py", 4, "dependency.call"));
    assertThat(events.occurs(LogEvents.AUDIT)).isEmpty();
    assertThat(events.occurs(LogEvents.REQUEST_START)).isEmpty();
  }

  @Test
  void onlyTheTrackedNamesCanBeAskedFor() {
    LogEvents events = eventsOf(FixtureRepo.in(dir).python().file("app.py", "x = 1\n").build());

    assertThatThrownBy(() -> events.occurs("order.created"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order.created");
    assertThat(LogEvents.TRACKED).containsAll(BaselineEventNames.NAMES);
  }
}
