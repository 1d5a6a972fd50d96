package dev.fleetcheck.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of template.yaml and the router agree route by route: API Gateway's JWT authorizer
 * asks for the scope the route's policy checks, and the public route is the only one without an
 * authorizer.
 */
class TemplateRoutesTest {

  private static final Pattern EVENT =
      Pattern.compile(
          "Method: (\\S+)\\s+Path: (\\S+)\\s+Auth: \\{ (?:AuthorizationScopes: \\[([^\\]]+)\\]"
              + "|Authorizer: (NONE)) \\}");

  @TempDir Path dir;

  private static Path template() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("template.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("template.yaml not found above the working folder");
  }

  @Test
  void everyTemplateRouteHasTheScopeOfItsRouterRoute() throws IOException {
    Map<String, String> declared = new TreeMap<>();
    Matcher m = EVENT.matcher(Files.readString(template()));
    while (m.find()) {
      declared.put(m.group(1) + " " + m.group(2), m.group(4) != null ? "(public)" : m.group(3));
    }
    Map<String, String> routed = new TreeMap<>();
    try (ApiFixture api = new ApiFixture(dir)) {
      new ApiRouter(
              ApiRoutes.all(api.runtime, ApiRoutes.noReportLinks(), ApiRoutes.noSweepLauncher()),
              api.runtime.log())
          .routes()
          .forEach(
              (key, route) ->
                  routed.put(
                      key,
                      route.access() instanceof Route.Access.Scope scope
                          ? scope.name()
                          : "(public)"));
    }

    assertThat(declared).isEqualTo(routed);
    assertThat(List.copyOf(declared.values())).contains("(public)");
  }
}
