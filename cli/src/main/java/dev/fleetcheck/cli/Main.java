package dev.fleetcheck.cli;

import dev.fleetcheck.vcs.fetch.GitFetchers;

/** The {@code fleetcheck} executable. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    CliEnvironment env = CliEnvironment.system(GitFetchers.jgit(System.getenv()));
    System.exit(FleetcheckCommand.run(env, args));
  }
}
