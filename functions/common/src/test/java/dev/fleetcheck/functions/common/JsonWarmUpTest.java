package dev.fleetcheck.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class JsonWarmUpTest {

  @Test
  void theWarmUpRunsTheJsonPathsAndPrintsNothing() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed));
    try {
      JsonWarmUp.run();
    } finally {
      System.setOut(stdout);
    }

    assertThat(printed.toString()).isEmpty();
  }
}
