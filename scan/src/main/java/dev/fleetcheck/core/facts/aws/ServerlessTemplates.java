package dev.fleetcheck.core.facts.aws;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SAM templates (any YAML/JSON file using the {@code AWS::Serverless} transform or resource types),
 * Serverless Framework files ({@code serverless.yml}) and samconfig files, outside test code and
 * outside {@code examples/} (RULES.md: templates count wherever they sit outside test and example
 * code). Read at text level: CloudFormation's short-form tags ({@code !Ref}) need no parser here.
 */
public final class ServerlessTemplates {

  public static final Fact<List<ServerlessTemplate>> FACT =
      Fact.of("serverless.templates", ServerlessTemplates::find);

  private static final Pattern SAM_RUNTIME =
      Pattern.compile("^\\s*Runtime\\s*:\\s*[\"']?(python3(?:\\.\\d+)?)\\b");
  private static final Pattern SAM_RUNTIME_JSON =
      Pattern.compile("\"Runtime\"\\s*:\\s*\"(python3(?:\\.\\d+)?)\"");
  private static final Pattern SAM_API_EVENT =
      Pattern.compile(
          "^\\s*(?:Type\\s*:\\s*[\"']?(?:Api|HttpApi)[\"']?\\s*(?:#.*)?$"
              + "|FunctionUrlConfig\\s*:"
              + "|Type\\s*:\\s*[\"']?AWS::Serverless::(?:Api|HttpApi)\\b)"
              + "|\"Type\"\\s*:\\s*\"(?:Api|HttpApi|AWS::Serverless::Api|AWS::Serverless::HttpApi)\""
              + "|\"FunctionUrlConfig\"\\s*:");
  private static final Pattern SERVERLESS_RUNTIME =
      Pattern.compile("^\\s*[\"']?runtime[\"']?\\s*:\\s*[\"']?(python3(?:\\.\\d+)?)\\b");
  private static final Pattern SERVERLESS_API_EVENT =
      Pattern.compile(
          "^\\s*-\\s*[\"']?(?:http|httpApi)[\"']?\\s*:|^\\s+url\\s*:\\s*(?:true|\\{)?\\s*$");

  private static final Pattern SAMCONFIG_NAME = Pattern.compile("samconfig\\.(toml|ya?ml)");
  private static final Pattern SERVERLESS_NAME = Pattern.compile("serverless\\.(ya?ml|json)");

  private ServerlessTemplates() {}

  private static List<ServerlessTemplate> find(Facts facts) {
    // Every YAML and JSON file is read: in parallel, the list kept in path order.
    return facts.snapshot().files().parallelStream()
        .filter(file -> !file.testCode() && !inExamples(file.path()))
        .map(file -> classify(facts, file))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<ServerlessTemplate> classify(Facts facts, SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    if (name.startsWith("samconfig.") && SAMCONFIG_NAME.matcher(name).matches()) {
      return Optional.of(
          new ServerlessTemplate(
              file.path(), ServerlessTemplate.Kind.SAMCONFIG, List.of(), List.of()));
    }
    boolean serverless = name.startsWith("serverless.") && SERVERLESS_NAME.matcher(name).matches();
    boolean candidate =
        serverless
            || name.endsWith(".yaml")
            || name.endsWith(".yml")
            || name.endsWith(".json")
            || name.endsWith(".template");
    if (!candidate) {
      return Optional.empty();
    }
    Optional<String> text = facts.snapshot().readText(file.path());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (serverless) {
      return Optional.of(
          new ServerlessTemplate(
              file.path(),
              ServerlessTemplate.Kind.SERVERLESS,
              matches(file.path(), text.get(), SERVERLESS_RUNTIME, "Python runtime"),
              matches(file.path(), text.get(), SERVERLESS_API_EVENT, "HTTP API event")));
    }
    if (!text.get().contains("AWS::Serverless")) {
      return Optional.empty();
    }
    List<Evidence> runtimes = matches(file.path(), text.get(), SAM_RUNTIME, "Python runtime");
    if (runtimes.isEmpty()) {
      runtimes = matches(file.path(), text.get(), SAM_RUNTIME_JSON, "Python runtime");
    }
    return Optional.of(
        new ServerlessTemplate(
            file.path(),
            ServerlessTemplate.Kind.SAM,
            runtimes,
            matches(file.path(), text.get(), SAM_API_EVENT, "API event or function URL")));
  }

  private static List<Evidence> matches(String path, String text, Pattern pattern, String what) {
    List<Evidence> found = new ArrayList<>();
    List<String> lines = TextLines.of(text);
    for (int i = 0; i < lines.size(); i++) {
      var matcher = pattern.matcher(lines.get(i));
      if (matcher.find()) {
        String detail =
            matcher.groupCount() > 0 && matcher.group(1) != null ? " " + matcher.group(1) : "";
        found.add(Evidence.at(path, i + 1, what + detail));
      }
    }
    return found;
  }

  private static boolean inExamples(String path) {
    return ("/" + path).contains("/examples/") || ("/" + path).contains("/example/");
  }
}
