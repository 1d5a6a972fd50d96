package dev.fleetcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** Feeds {@code --version}: semantic version and the git commit of the build. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {BuildInfo.current().describe()};
  }
}
