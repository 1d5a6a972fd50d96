package dev.fleetcheck.core.rules.emulators;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** Emulators for integration tests (section 8). */
public final class EmulatorRules {

  private EmulatorRules() {}

  public static List<Rule> all() {
    return List.of(
        new EmulatorsStarted(), new AwsEmulated(), new DynamoDbEmulated(), new MessagingEmulated());
  }
}
