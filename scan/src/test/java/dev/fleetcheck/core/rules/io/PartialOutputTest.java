package dev.fleetcheck.core.rules.io;

import static dev.fleetcheck.core.rules.RuleFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.model.Status;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialOutputTest {

  @TempDir Path dir;

  @Test
  void takesPyIo001sOutcomeWithoutScoringItAgain() {
    Path failing =
        FixtureRepo.in(dir.resolve("f"))
            .python()
            .file("tool/out.py", "def save(p, d):\n    open(p, 'w').write(d)\n")
            .build();
    Outcome derived = check(new PartialOutput(), failing, Profile.CLI);
    assertThat(derived.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(derived.toString()).contains("same obligation as PY-IO-001").contains("FAIL, 1");

    Path atomic =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "tool/out.py",
                "import os\ndef save(p, d):\n    open(p + '.tmp', 'w').write(d)\n    os.replace(p + '.tmp', p)\n")
            .build();
    Outcome manual = check(new PartialOutput(), atomic, Profile.CLI);
    assertThat(manual.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(manual.toString()).contains("same obligation as PY-IO-001").contains("MANUAL");
  }
}
