package dev.fleetcheck.core.facts.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.ConfigParsers;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.ci.CiConfig;
import dev.fleetcheck.core.facts.ci.CiConfigs;
import dev.fleetcheck.core.facts.ci.CiStep;
import dev.fleetcheck.core.facts.ci.CiSystem;
import dev.fleetcheck.core.facts.container.ComposeFile;
import dev.fleetcheck.core.facts.container.ComposeFiles;
import dev.fleetcheck.core.facts.container.ComposeService;
import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.container.LocalStackConfig;
import dev.fleetcheck.core.facts.profile.ProfileScope;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.facts.taskrunner.Target;
import dev.fleetcheck.core.facts.taskrunner.TaskRunners;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.Decorator;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emulators a repository configures, the ones something must start, and what starts them
 * (family F9 of RULES-NEXT; PY-EXT-006 and PY-EXT-008 to -010 read it). Compose files, container
 * files and LocalStack configuration inside test code are fixtures and never count; Python test
 * code counts (moto, testcontainers and endpoints live there). Starters are task runner targets, CI
 * steps, the jobs' CI {@code services:}, shell scripts outside test code, testcontainers,
 * pytest-docker style plugins, moto's server started in code, and a dev container that brings up
 * compose.
 *
 * @param emulators every emulator configured, however it comes up
 * @param needsStart what only runs when started: emulator services in compose files, LocalStack
 *     configuration, endpoints on a local host in Python code
 * @param starters what starts emulators by tooling
 */
public record Emulators(List<Emulator> emulators, List<Need> needsStart, List<Starter> starters) {

  /** Something that only runs once started; a compose service needs compose brought up. */
  public record Need(Evidence where, boolean compose) {}

  /** Something that starts emulators; {@code compose} when it brings up compose services. */
  public record Starter(Evidence where, boolean compose) {}

  public static final Fact<Emulators> FACT = Fact.of("emulators", Emulators::find);

  private static final Pattern COMPOSE_UP =
      Pattern.compile(
          "\\b(?:docker[ -]compose|podman[ -]compose)\\b[^\\n;&|]*?\\s(?:up|run|start|create)\\b");
  private static final Pattern CONTAINER_RUN =
      Pattern.compile("\\b(?:docker|podman)\\s+(?:container\\s+)?run\\b([^\\n;&|]*)");
  private static final Pattern LOCALSTACK_START = Pattern.compile("\\blocalstack\\s+start\\b");
  private static final Pattern DYNAMODB_LOCAL_JAR = Pattern.compile("DynamoDBLocal\\.jar");
  private static final Pattern PRINT = Pattern.compile("(?:echo|printf)\\b");
  private static final List<String> EMULATOR_NAMES =
      List.of("moto", "testcontainers", "endpoint_url");
  private static final Pattern MOTO_SERVER = Pattern.compile("(?:^|[\\s;&|(])moto_server\\b");

  /** A command that starts one emulator without naming its image. */
  private record NamedStart(Pattern pattern, String image, String label) {}

  private static final List<NamedStart> NAMED_STARTS =
      List.of(
          new NamedStart(LOCALSTACK_START, "localstack/localstack", "`localstack start`"),
          new NamedStart(DYNAMODB_LOCAL_JAR, "amazon/dynamodb-local", "DynamoDBLocal.jar"),
          new NamedStart(MOTO_SERVER, "motoserver/moto", "`moto_server`"));

  private static final Set<String> STARTER_PLUGINS =
      Set.of("pytest-docker", "pytest-docker-compose", "lovely-pytest-docker", "pytest-localstack");
  private static final Set<String> LOCALSTACK_PACKAGES =
      Set.of(
          "localstack",
          "awscli-local",
          "aws-sam-cli-local",
          "localstack-client",
          "pytest-localstack");

  /** testcontainers classes named after what they run. */
  private static final Map<String, String> CONTAINER_CLASSES =
      Map.of(
          "LocalStackContainer", "localstack/localstack",
          "MinioContainer", "minio/minio",
          "PostgresContainer", "postgres",
          "MySqlContainer", "mysql",
          "MongoDbContainer", "mongo",
          "RedisContainer", "redis");

  private static final Pattern URL_HOST =
      Pattern.compile("^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(\\[[^]]*]|[^:/?#]*)(?::(\\d+))?");

  public Emulators {
    emulators = List.copyOf(emulators);
    needsStart = List.copyOf(needsStart);
    starters = List.copyOf(starters);
  }

  /** The AWS emulators configured in any way that cover {@code service}. */
  public List<Emulator> covering(String service) {
    return emulators.stream().filter(e -> e.covers(service)).toList();
  }

  private static Emulators find(Facts facts) {
    Collector c = new Collector();
    compose(facts, c);
    for (String path : facts.get(LocalStackConfig.FACT)) {
      Evidence where = Evidence.file(path, "LocalStack configuration");
      c.emulators.add(new Emulator(localStack(), Emulator.Setup.DECLARED, where));
      c.needsStart.add(new Need(where, false));
    }
    for (Target target : facts.get(TaskRunners.FACT).targets()) {
      for (String command : target.commands()) {
        commands(command, target.path(), target.line(), "target `" + target.name() + "`", c);
      }
    }
    ciSteps(facts, c);
    shellScripts(facts, c);
    devcontainers(facts, c);
    dependencies(facts.get(Dependencies.FACT), c);
    python(facts, c);
    return new Emulators(c.emulators, c.needsStart, c.starters);
  }

  private static Emulator.Kind localStack() {
    return EmulatorImages.classify("localstack/localstack").orElseThrow();
  }

  private static void compose(Facts facts, Collector c) {
    for (ComposeFile file : facts.get(ComposeFiles.FACT).files()) {
      for (ComposeService service : file.services()) {
        if (service.image().isEmpty()) {
          continue;
        }
        Optional<Emulator.Kind> kind = EmulatorImages.classify(service.image().get());
        if (kind.isPresent()) {
          Evidence where =
              Evidence.at(
                  file.path(),
                  service.line(),
                  "compose service `" + service.name() + "` runs `" + service.image().get() + "`");
          c.emulators.add(new Emulator(kind.get(), Emulator.Setup.DECLARED, where));
          c.needsStart.add(new Need(where, true));
        }
      }
    }
  }

  /**
   * The command lines of a target, CI step or script file; comment lines and lines that only print
   * ({@code echo}, {@code printf}) start nothing.
   */
  private static void commands(String text, String path, int line, String what, Collector c) {
    for (String command : text.split("\r?\n")) {
      String trimmed = command.strip().replaceFirst("^[@+-]+", "");
      if (!trimmed.startsWith("#") && !PRINT.matcher(trimmed).lookingAt()) {
        command(trimmed, path, line, what, c);
      }
    }
  }

  private static void command(String text, String path, int line, String what, Collector c) {
    Matcher compose = COMPOSE_UP.matcher(text);
    if (compose.find()) {
      c.starters.add(
          new Starter(
              Evidence.at(path, line, what + " runs `" + compose.group().trim() + "`"), true));
    }
    Matcher run = CONTAINER_RUN.matcher(text);
    while (run.find()) {
      for (String word : run.group(1).trim().split("\\s+")) {
        Optional<Emulator.Kind> kind =
            word.startsWith("-") ? Optional.empty() : EmulatorImages.classify(word);
        if (kind.isPresent()) {
          c.started(kind.get(), Evidence.at(path, line, what + " runs `" + word + "`"));
          break;
        }
      }
    }
    for (NamedStart named : NAMED_STARTS) {
      if (named.pattern().matcher(text).find()) {
        c.started(
            EmulatorImages.classify(named.image()).orElseThrow(),
            Evidence.at(path, line, what + " runs " + named.label()));
      }
    }
  }

  private static void ciSteps(Facts facts, Collector c) {
    for (CiConfig config : facts.get(CiConfigs.FACT).configs()) {
      for (CiStep step : config.steps()) {
        if (step instanceof CiStep.Shell shell) {
          commands(shell.script(), shell.path(), shell.line(), "CI step", c);
        }
      }
      if (config.system() == CiSystem.GITHUB_ACTIONS || config.system() == CiSystem.GITLAB_CI) {
        ciServices(facts, config.path(), c);
      }
    }
  }

  /** Containers in a CI job's {@code services:} are started by the CI system (RULES-NEXT). */
  private static void ciServices(Facts facts, String path, Collector c) {
    Optional<JsonNode> root = ConfigParsers.yaml(facts, path).asOptional();
    if (root.isEmpty()) {
      return;
    }
    String text = facts.snapshot().readText(path).orElse("");
    List<String> images = new ArrayList<>();
    servicesIn(root.get(), images, 0);
    for (String image : images) {
      Optional<Emulator.Kind> kind = EmulatorImages.classify(image);
      if (kind.isPresent()) {
        int offset = text.indexOf(image);
        Evidence where =
            Evidence.at(
                path,
                offset < 0 ? 0 : TextLines.lineAt(text, offset),
                "CI service runs `" + image + "`");
        c.started(kind.get(), where);
      }
    }
  }

  private static void servicesIn(JsonNode node, List<String> images, int depth) {
    if (depth > 4 || !node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode value = entry.getValue();
      if (entry.getKey().equals("services")) {
        if (value.isObject()) {
          // GitHub Actions: services: {name: {image: ...}} or {name: "image"}.
          value.forEach(s -> addImage(s.isTextual() ? s : s.path("image"), images));
        } else if (value.isArray()) {
          // GitLab CI: services: ["image", {name: "image"}].
          value.forEach(s -> addImage(s.isTextual() ? s : s.path("name"), images));
        }
      } else {
        servicesIn(value, images, depth + 1);
      }
    }
  }

  private static void addImage(JsonNode image, List<String> images) {
    if (image.isTextual() && !image.asText().isBlank()) {
      images.add(image.asText().trim());
    }
  }

  private static void shellScripts(Facts facts, Collector c) {
    for (SourceFile file : facts.snapshot().files()) {
      // The path ends as the name does, without cutting the name out of every path.
      if (file.testCode() || !file.path().endsWith(".sh")) {
        continue;
      }
      facts
          .snapshot()
          .readText(file.path())
          .ifPresent(
              text -> {
                String[] lines = text.split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                  commands(lines[i], file.path(), i + 1, "script", c);
                }
              });
    }
  }

  private static void devcontainers(Facts facts, Collector c) {
    for (String path : facts.get(ContainerFiles.FACT).devcontainer()) {
      if (!path.endsWith(".json")) {
        continue;
      }
      String text = facts.snapshot().readText(path).orElse("");
      int at = text.indexOf("\"dockerComposeFile\"");
      if (at >= 0) {
        c.starters.add(
            new Starter(
                Evidence.at(path, TextLines.lineAt(text, at), "dev container brings up compose"),
                true));
      }
    }
  }

  private static void dependencies(DeclaredDependencies declared, Collector c) {
    for (String plugin : STARTER_PLUGINS) {
      declared
          .where(plugin)
          .ifPresent(
              where ->
                  c.starters.add(
                      new Starter(
                          new Evidence(where.path(), where.line(), plugin + " starts containers"),
                          !plugin.equals("pytest-localstack"))));
    }
    for (String name : LOCALSTACK_PACKAGES) {
      declared
          .where(name)
          .ifPresent(
              where ->
                  c.emulators.add(
                      new Emulator(
                          localStack(),
                          Emulator.Setup.REFERENCED,
                          new Evidence(where.path(), where.line(), name + " is declared"))));
    }
  }

  /** moto, testcontainers and local endpoints in product and test code. */
  private static void python(Facts facts, Collector c) {
    ProfileScope scope = facts.get(ProfileScope.FACT);
    PythonCodebase codebase = PythonCodebase.of(facts);
    // The analysed modules' names, not their texts: every call or decorator below resolves to a
    // name the module spells (moto.*, testcontainers.*, the endpoint_url keyword), and the texts of
    // a large tree no longer fit the snapshot's cache, so reading them again would mean the disk.
    List<PythonModule> mentioning =
        Stream.concat(codebase.sourceModules().stream(), codebase.testModules().stream())
            .filter(m -> m.mentionsAny(EMULATOR_NAMES) && !scope.inExcludedFolder(m.path()))
            .sorted(Comparator.comparing(PythonModule::path))
            .toList();
    for (PythonModule module : mentioning) {
      python(module, c);
    }
  }

  private static void python(PythonModule module, Collector c) {
    for (Decorator decorator : module.decorators()) {
      moto(module, decorator.name(), decorator.line(), c);
    }
    for (Call call : module.calls()) {
      moto(module, call.callee(), call.line(), c);
      testcontainers(module, call, c);
      call.keyword("endpoint_url").ifPresent(value -> endpoint(module, call.line(), value, c));
    }
  }

  /**
   * moto's {@code mock_aws} (moto 5) covers every service, {@code mock_<service>} (older moto) its
   * service; {@code ThreadedMotoServer} and {@code moto.server} start moto's server.
   */
  private static void moto(PythonModule module, String name, int line, Collector c) {
    if (!name.startsWith("moto.")) {
      return;
    }
    String last = name.substring(name.lastIndexOf('.') + 1);
    Evidence where = Evidence.at(module.path(), line, "moto `" + last + "`");
    if (last.equals("ThreadedMotoServer") || name.startsWith("moto.server.")) {
      c.started(EmulatorImages.classify("motoserver/moto").orElseThrow(), where);
    } else if (last.equals("mock_aws")) {
      c.emulators.add(
          new Emulator(
              new Emulator.Kind("moto", Emulator.ALL_AWS), Emulator.Setup.IN_PROCESS, where));
    } else if (last.startsWith("mock_")) {
      String service =
          last.substring("mock_".length()).replaceAll("\\d+$", "").toLowerCase(Locale.ROOT);
      c.emulators.add(
          new Emulator(
              new Emulator.Kind("moto", Set.of(service)), Emulator.Setup.IN_PROCESS, where));
    }
  }

  private static void testcontainers(PythonModule module, Call call, Collector c) {
    if (!call.callee().startsWith("testcontainers.")) {
      return;
    }
    String name = call.name();
    Evidence where = Evidence.at(module.path(), call.line(), "testcontainers `" + name + "`");
    if (name.equals("DockerCompose")) {
      c.starters.add(new Starter(where, true));
      return;
    }
    if (!name.endsWith("Container")) {
      return;
    }
    c.starters.add(new Starter(where, false));
    String image = CONTAINER_CLASSES.get(name);
    if (image == null) {
      Optional<PyValue> given =
          call.keyword("image").or(() -> call.positional().stream().findFirst());
      image =
          given
              .filter(v -> v instanceof PyValue.Str)
              .map(v -> ((PyValue.Str) v).value())
              .orElse("");
    }
    EmulatorImages.classify(image)
        .ifPresent(kind -> c.emulators.add(new Emulator(kind, Emulator.Setup.STARTED, where)));
  }

  /**
   * An {@code endpoint_url} on a local host needs something listening there; LocalStack's edge port
   * 4566 also says LocalStack is the emulator.
   */
  private static void endpoint(PythonModule module, int line, PyValue value, Collector c) {
    if (!(value instanceof PyValue.Str str)) {
      return;
    }
    Matcher m = URL_HOST.matcher(str.value().trim().toLowerCase(Locale.ROOT));
    if (!m.find() || !isLocalHost(m.group(1))) {
      return;
    }
    Evidence where = Evidence.at(module.path(), line, "endpoint_url `" + str.value().trim() + "`");
    c.needsStart.add(new Need(where, false));
    if ("4566".equals(m.group(2)) || m.group(1).equals("localstack")) {
      c.emulators.add(new Emulator(localStack(), Emulator.Setup.REFERENCED, where));
    }
  }

  /** Loopback, the Docker host, or a single-label name such as a compose service. */
  static boolean isLocalHost(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("0.0.0.0")
        || host.equals("[::1]")
        || host.equals("host.docker.internal")
        || (!host.isEmpty() && !host.contains(".") && !host.startsWith("["));
  }

  private static final class Collector {
    final List<Emulator> emulators = new ArrayList<>();
    final List<Need> needsStart = new ArrayList<>();
    final List<Starter> starters = new ArrayList<>();

    /** An emulator that tooling starts: configured, and a starter at the same place. */
    void started(Emulator.Kind kind, Evidence where) {
      emulators.add(new Emulator(kind, Emulator.Setup.STARTED, where));
      starters.add(new Starter(where, false));
    }
  }
}
