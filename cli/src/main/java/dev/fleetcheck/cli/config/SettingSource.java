package dev.fleetcheck.cli.config;

import java.nio.file.Path;

/** Where a setting's value came from; error messages name it so the user knows what to fix. */
public sealed interface SettingSource {

  String describe(Setting setting);

  record Flag() implements SettingSource {
    @Override
    public String describe(Setting setting) {
      return setting.flag();
    }
  }

  record Environment() implements SettingSource {
    @Override
    public String describe(Setting setting) {
      return "environment variable " + setting.variable();
    }
  }

  record ConfigFile(Path file) implements SettingSource {
    @Override
    public String describe(Setting setting) {
      return "'" + setting.key() + "' in " + file;
    }
  }

  record Default() implements SettingSource {
    @Override
    public String describe(Setting setting) {
      return "the default of " + setting.key();
    }
  }
}
