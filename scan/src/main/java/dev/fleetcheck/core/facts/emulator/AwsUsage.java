package dev.fleetcheck.core.facts.emulator;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.aws.ServerlessTemplates;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which AWS services the product uses (PY-EXT-008 to -010): product code that imports an AWS SDK
 * (boto3, botocore, aioboto3, aiobotocore; not the repository's own package, in the SDK's own
 * repository), the services it builds clients or resources for ({@code client("sqs")}, {@code
 * resource("dynamodb")}, {@code service_name=}), pynamodb for DynamoDB, and the resources the
 * repository's own SAM/Serverless templates declare as a resource's {@code Type} (tables, queues,
 * topics, EventBridge rules and buses). A function merely triggered by a queue is not a use: its
 * tests feed it events.
 *
 * @param sdk where product code imports an AWS SDK, empty when it does not
 * @param services each service used, with where it is first seen
 */
public record AwsUsage(Optional<Evidence> sdk, Map<String, Evidence> services) {

  public static final Fact<AwsUsage> FACT = Fact.of("aws.usage", AwsUsage::find);

  private static final Set<String> SDKS = Set.of("boto3", "botocore", "aioboto3", "aiobotocore");
  private static final int SHORTEST_SDK =
      SDKS.stream().mapToInt(String::length).min().orElseThrow();
  private static final int LONGEST_SDK = SDKS.stream().mapToInt(String::length).max().orElseThrow();
  private static final Set<String> CLIENT_FACTORIES = Set.of("client", "resource", "create_client");

  // A resource's type is the value of its Type key (YAML or JSON): the same names inside a schema
  // or documentation file that merely mentions AWS::Serverless (samtranslator's sam-docs.json)
  // declare nothing.
  private static final Pattern TEMPLATE_RESOURCE =
      Pattern.compile(
          "\\bType[\"']?\\s*:\\s*[\"']?(AWS::(?:DynamoDB::(?:Global)?Table|Serverless::SimpleTable"
              + "|SQS::Queue|SNS::Topic|Events::(?:Rule|EventBus)))\\b");

  public AwsUsage {
    services = Map.copyOf(services);
  }

  public Optional<Evidence> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  private static AwsUsage find(Facts facts) {
    Optional<Evidence> sdk = Optional.empty();
    Map<String, Evidence> services = new LinkedHashMap<>();
    List<PythonModule> modules = PythonCodebase.of(facts).productModules();
    Set<String> own = ownPackages(modules);
    for (PythonModule module : modules) {
      Optional<String> imported = importedSdk(module, own);
      if (imported.isPresent()) {
        if (sdk.isEmpty()) {
          sdk = Optional.of(Evidence.file(module.path(), "imports " + imported.get()));
        }
        clients(module, services);
      }
      if (importsPynamodb(module)) {
        services.putIfAbsent("dynamodb", Evidence.file(module.path(), "imports pynamodb"));
      }
    }
    templates(facts, services);
    return new AwsUsage(sdk, services);
  }

  /**
   * The top-level packages the repository itself holds (the first folder of a product module's
   * path, after {@code src/}): an SDK's own repository (botocore) importing itself uses no AWS SDK.
   */
  private static Set<String> ownPackages(List<PythonModule> modules) {
    Set<String> own = new HashSet<>();
    for (PythonModule module : modules) {
      String path = module.path();
      if (path.startsWith("src/")) {
        path = path.substring(4);
      }
      int slash = path.indexOf('/');
      if (slash > 0) {
        own.add(path.substring(0, slash));
      }
    }
    return own;
  }

  /**
   * The first in name order of the SDKs the module imports (by an import's first part), not
   * counting the repository's own packages.
   */
  private static Optional<String> importedSdk(PythonModule module, Set<String> own) {
    String first = null;
    for (String imported : module.imports().values()) {
      int dot = imported.indexOf('.');
      int rootLength = dot < 0 ? imported.length() : dot;
      // Cut only a root as long as an SDK's name: most imports are none.
      if (rootLength < SHORTEST_SDK || rootLength > LONGEST_SDK) {
        continue;
      }
      String root = dot < 0 ? imported : imported.substring(0, dot);
      if (SDKS.contains(root)
          && !own.contains(root)
          && (first == null || root.compareTo(first) < 0)) {
        first = root;
      }
    }
    return Optional.ofNullable(first);
  }

  private static boolean importsPynamodb(PythonModule module) {
    for (String imported : module.imports().values()) {
      if (imported.startsWith("pynamodb")) {
        return true;
      }
    }
    return false;
  }

  private static void clients(PythonModule module, Map<String, Evidence> services) {
    for (Call call : module.calls()) {
      if (!CLIENT_FACTORIES.contains(call.name())) {
        continue;
      }
      Optional<PyValue> name =
          call.keyword("service_name").or(() -> call.positional().stream().findFirst());
      if (name.isPresent() && name.get() instanceof PyValue.Str str) {
        String service = str.value().trim().toLowerCase(Locale.ROOT);
        if (service.matches("[a-z0-9-]{2,40}")) {
          services.putIfAbsent(
              service,
              Evidence.at(module.path(), call.line(), call.name() + "(\"" + service + "\")"));
        }
      }
    }
  }

  private static void templates(Facts facts, Map<String, Evidence> services) {
    for (ServerlessTemplate template : facts.get(ServerlessTemplates.FACT)) {
      if (template.kind() == ServerlessTemplate.Kind.SAMCONFIG) {
        continue;
      }
      String text = facts.snapshot().readText(template.path()).orElse("");
      Matcher m = TEMPLATE_RESOURCE.matcher(text);
      while (m.find()) {
        String type = m.group(1);
        String service =
            type.contains("DynamoDB") || type.contains("SimpleTable")
                ? "dynamodb"
                : type.contains("SQS") ? "sqs" : type.contains("SNS") ? "sns" : "events";
        services.putIfAbsent(
            service,
            Evidence.at(template.path(), TextLines.lineAt(text, m.start(1)), "declares " + type));
      }
    }
  }

  /** The used services among {@code names}, in the order given. */
  public List<Map.Entry<String, Evidence>> among(List<String> names) {
    return names.stream()
        .filter(services::containsKey)
        .map(n -> Map.entry(n, services.get(n)))
        .toList();
  }
}
