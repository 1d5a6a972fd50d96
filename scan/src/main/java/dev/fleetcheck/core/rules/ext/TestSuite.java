package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.ClassDef;
import dev.fleetcheck.core.python.FunctionDef;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.PublicHosts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RULES-NEXT.md F9, test isolation: every Python test module with its tier (integration/e2e by a
 * path segment or a marker), whether it or a {@code conftest.py} on its folder chain activates an
 * HTTP mock, and which isolation hints it names. Read once per scan; the modules come from the
 * shared {@link PythonCodebase}.
 */
public final class TestSuite {

  public static final Fact<TestSuite> FACT = Fact.of("test-suite", TestSuite::read);

  /** One test module: its facts, its tier, its mocks and the isolation hints its text names. */
  public record TestModule(
      PythonModule module, boolean outsideUnitTier, boolean mocksHttp, Set<String> hints) {

    public String path() {
      return module.path();
    }

    /** Whether the module imports {@code name} or something under it. */
    public boolean imports(String name) {
      for (String imported : module.imports().values()) {
        if (imported.startsWith(name)
            && (imported.length() == name.length() || imported.charAt(name.length()) == '.')) {
          return true;
        }
      }
      return false;
    }
  }

  /** Texts whose presence in a test module counts as isolation (see {@link #hints}). */
  public static final List<String> HINTS =
      List.of(
          "AWS_ENDPOINT_URL",
          "AWS_ACCESS_KEY_ID",
          "endpoint_url",
          "localstack",
          "sqlite",
          ":memory:",
          "random.seed",
          "hypothesis",
          "mark.e2e",
          "mark.end_to_end",
          "mark.timeout");

  private static final Set<String> TIER_SEGMENTS =
      Set.of(
          "integration",
          "integration_tests",
          "e2e",
          "end_to_end",
          "functional",
          "system",
          "acceptance");
  private static final Pattern TIER_MARK =
      Pattern.compile("mark\\.(integration|e2e|end_to_end|network|slow_integration)\\b");
  private static final List<String> HTTP_MOCK_MODULES =
      List.of(
          "responses",
          "respx",
          "requests_mock",
          "pytest_httpx",
          "httpretty",
          "aioresponses",
          "vcr",
          "pytest_recording",
          "betamax",
          "pytest_httpserver",
          "http.server");
  private static final Set<String> HTTP_MOCK_FIXTURES =
      Set.of("requests_mock", "httpx_mock", "respx_mock", "httpserver", "aioresponses", "vcr");
  private static final Pattern PATCHED_HTTP =
      Pattern.compile("requests|httpx|urllib|aiohttp|urlopen");
  private static final Pattern URL_HOST =
      Pattern.compile("(?i)^https?://(?:[^/@\\s]*@)?(\\[[^\\]]*\\]|[^/:?#\\s]+)");

  private final List<TestModule> modules;

  private TestSuite(List<TestModule> modules) {
    this.modules = List.copyOf(modules);
  }

  public List<TestModule> modules() {
    return modules;
  }

  /** Whether any test module names {@code hint} (one of {@link #HINTS}). */
  public boolean anyHint(String hint) {
    return modules.stream().anyMatch(m -> m.hints().contains(hint));
  }

  /** Whether any test module imports {@code name} or something under it. */
  public boolean anyImports(String name) {
    return modules.stream().anyMatch(m -> m.imports(name));
  }

  /** Whether any test module activates an HTTP mock. */
  public boolean anyHttpMock() {
    return modules.stream().anyMatch(TestModule::mocksHttp);
  }

  /**
   * Whether a test module defines a class named {@code Fake*}, {@code InMemory*} or {@code Stub*}.
   */
  public boolean anyFakeClass() {
    for (TestModule test : modules) {
      for (ClassDef c : test.module().classes()) {
        if (c.name().startsWith("Fake")
            || c.name().startsWith("InMemory")
            || c.name().startsWith("Stub")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The public host a call's literal URL names, for calls that send HTTP ({@code http} judges the
   * module's calls); empty otherwise.
   */
  public static Optional<String> publicHost(
      PythonModule module, Call call, OutboundHttp.Senders http) {
    if (!http.sends(call)) {
      return Optional.empty();
    }
    Matcher m = URL_HOST.matcher(OutboundHttp.literalUrl(module, call).strip());
    if (!m.find()) {
      return Optional.empty();
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    return PublicHosts.isPublic(host) ? Optional.of(host) : Optional.empty();
  }

  private static TestSuite read(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    List<PythonModule> tests = codebase.testModules();
    Map<String, Boolean> conftestMocks = new HashMap<>();
    for (PythonModule module : tests) {
      if (module.fileName().equals("conftest.py")) {
        conftestMocks.put(
            parentOf(module.path()), mocksHttp(module, codebase.text(module.path()).orElse("")));
      }
    }
    // Modules are independent once the conftest files are known: judged on every core.
    List<TestModule> modules =
        tests.parallelStream().map(module -> testModule(codebase, module, conftestMocks)).toList();
    return new TestSuite(modules);
  }

  private static TestModule testModule(
      PythonCodebase codebase, PythonModule module, Map<String, Boolean> conftestMocks) {
    String text = codebase.text(module.path()).orElse("");
    boolean mocks = mocksHttp(module, text) || conftestOnChain(module.path(), conftestMocks);
    Set<String> hints = new java.util.TreeSet<>();
    for (String hint : HINTS) {
      if (text.contains(hint)) {
        hints.add(hint);
      }
    }
    return new TestModule(
        module, tiered(module.path()) || TIER_MARK.matcher(text).find(), mocks, hints);
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static boolean tiered(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (TIER_SEGMENTS.contains(segments[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean conftestOnChain(String path, Map<String, Boolean> conftestMocks) {
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    while (true) {
      if (conftestMocks.getOrDefault(folder, false)) {
        return true;
      }
      if (folder.isEmpty()) {
        return false;
      }
      folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
    }
  }

  private static boolean mocksHttp(PythonModule module, String text) {
    if (module.imports().values().stream()
        .anyMatch(
            v -> HTTP_MOCK_MODULES.stream().anyMatch(m -> v.equals(m) || v.startsWith(m + ".")))) {
      return true;
    }
    for (FunctionDef function : module.functions()) {
      if (function.unannotatedParameters().stream().anyMatch(HTTP_MOCK_FIXTURES::contains)) {
        return true;
      }
    }
    if (text.contains("mark.vcr") || text.contains("mark.default_cassette")) {
      return true;
    }
    for (Call call : module.calls()) {
      boolean patch =
          call.name().equals("patch")
              || call.name().equals("object") && call.receiver().endsWith("patch")
              || call.name().equals("setattr") && !call.receiver().isEmpty();
      if (patch
          && !call.positional().isEmpty()
          && PATCHED_HTTP.matcher(ModuleValues.text(call.positional().get(0))).find()) {
        return true;
      }
    }
    return false;
  }
}
