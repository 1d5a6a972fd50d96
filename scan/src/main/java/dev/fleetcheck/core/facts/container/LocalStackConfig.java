package dev.fleetcheck.core.facts.container;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LocalStack configuration outside test code: a file named {@code localstack*} (for example {@code
 * localstack.yml}, {@code .env.localstack}) or anything in a {@code .localstack/} or {@code
 * localstack/} folder. A SAM template is not a local stack and is not listed.
 */
public final class LocalStackConfig {

  public static final Fact<List<String>> FACT =
      Fact.of("localstack.config", LocalStackConfig::find);

  private LocalStackConfig() {}

  private static List<String> find(Facts facts) {
    List<String> found = new ArrayList<>();
    for (SourceFile file : facts.snapshot().files()) {
      if (file.testCode()) {
        continue;
      }
      String lower = file.path().toLowerCase(Locale.ROOT);
      String name = file.name().toLowerCase(Locale.ROOT);
      boolean inFolder =
          ("/" + lower).contains("/.localstack/") || ("/" + lower).contains("/localstack/");
      if (inFolder || name.startsWith("localstack") || name.endsWith(".localstack")) {
        found.add(file.path());
      }
    }
    return List.copyOf(found);
  }
}
