package dev.fleetcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fleetcheck} command. */
@Command(
    name = "fleetcheck",
    mixinStandardHelpOptions = true,
    description = "Checks Python repositories against the engineering standard.")
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
