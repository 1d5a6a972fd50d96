package dev.fleetcheck.core.rules.cfg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.TemplateResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shared detector (RULES-NEXT family F15): the application's environment variables, each with the
 * first place it is read or set. Product code reads ({@code os.environ.get}, {@code os.getenv},
 * {@code os.environ.setdefault}, {@code os.environ["X"]}, {@code decouple.config}, click/typer
 * {@code envvar=}) and template {@code Environment.Variables} (SAM/CloudFormation functions and
 * {@code Globals}, Serverless {@code provider.environment} and function {@code environment}), minus
 * the platform and library names RULES-NEXT allows ({@code AWS_*}, {@code POWERTOOLS_*}, {@code
 * OTEL_*}, {@code HOME}, {@code PATH}, ...), extended with other well-known platform names (the
 * Lambda runtime's {@code _X_AMZN_TRACE_ID}, display and terminal variables, git's {@code GIT_SSH},
 * Azure Pipelines' {@code BUILD_BUILDID}, ...). Not read: pydantic-settings fields and
 * django-environ.
 */
record EnvironmentVariables(List<Variable> all) {

  /** One variable at the first place it appears. */
  record Variable(String name, String path, int line) {}

  static final Fact<EnvironmentVariables> FACT =
      Fact.of("app-environment-variables", EnvironmentVariables::find);

  private static final Set<String> READERS =
      Set.of("os.environ.get", "os.getenv", "os.environ.setdefault", "decouple.config");
  private static final Set<String> OPTIONS =
      Set.of("click.option", "click.argument", "typer.Option", "typer.Argument");
  private static final Pattern ALLOWED =
      Pattern.compile(
          "AWS_.*|_HANDLER|LAMBDA_.*|POWERTOOLS_.*|OTEL_.*|HOME|PATH|TERM|NO_COLOR|FORCE_COLOR|CI"
              + "|GITHUB_.*|PYTHON.*|TZ|LANG|LC_.*|XDG_.*|(?i:.*_PROXY)|REQUESTS_CA_BUNDLE"
              + "|SSL_CERT_FILE|DJANGO_SETTINGS_MODULE|FLASK_.*"
              // The operating system's and common tools' own variables: no application names them.
              + "|PAGER|MANPAGER|EDITOR|VISUAL|SHELL|USER|USERNAME|LOGNAME|PWD|HOSTNAME|TMPDIR|TEMP"
              + "|TMP|COLUMNS|LINES|DISPLAY|BROWSER|SSH_AUTH_SOCK|KUBECONFIG|VIRTUAL_ENV|CONDA_.*"
              + "|COMP_.*|PYTEST_.*|(?i:COMSPEC|PATHEXT|SYSTEMROOT|WINDIR|APPDATA|LOCALAPPDATA"
              + "|USERPROFILE|PROGRAMDATA)"
              // Set by a platform or read for another program, never the application's own: the
              // Lambda runtime's trace header, the display and terminal, Kubernetes, the less
              // pager, the Qt binding shims and Django's colour theme.
              + "|_X_AMZN_TRACE_ID|WAYLAND_DISPLAY|COLORTERM|COLORFGBG|TERM_PROGRAM(_VERSION)?"
              + "|KUBERNETES_SERVICE_.*|KUBERNETES_EXEC_INFO|LESS|QT_API|DJANGO_COLORS"
              // Likewise, each another program's or platform's documented name: git's, OpenSSH's,
              // the dynamic linker's, curl's netrc, Docker's and Podman's daemon address,
              // coverage.py's data file, systemd's, Debian's chroot prompt, the reproducible-builds
              // timestamp, the New Relic agent's, attic's (read to upgrade its repositories) and
              // Azure Pipelines' predefined variables.
              + "|GIT_SSH|GIT_SSH_COMMAND|SSH_ORIGINAL_COMMAND|LD_PRELOAD|LD_LIBRARY_PATH|NETRC"
              + "|DOCKER_HOST|CONTAINER_HOST|COVERAGE_FILE|SYSTEMD_OFFLINE|debian_chroot"
              + "|SOURCE_DATE_EPOCH|NEW_RELIC_CONFIG_FILE|NEW_RELIC_ENVIRONMENT|ATTIC_CACHE_DIR"
              + "|ATTIC_KEYS_DIR|SYSTEM_(COLLECTIONURI|TEAMPROJECT|JOBATTEMPT|JOBIDENTIFIER"
              + "|TASKINSTANCEID|DEFINITIONID|PULLREQUEST_[A-Z_]+)|BUILD_(BUILDID|BUILDNUMBER"
              + "|REPOSITORY_[A-Z_]+|SOURCEBRANCH|SOURCEBRANCHNAME|SOURCEVERSION|REASON)"
              + "|AGENT_(TEMPDIRECTORY|BUILDDIRECTORY|JOBSTATUS)");
  private static final Set<String> SPELLED =
      Set.of("environ", "getenv", "config", "option", "argument", "Option", "Argument");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static EnvironmentVariables find(Facts facts) {
    PythonCodebase codebase = PythonCodebase.of(facts);
    // Modules are independent: read on every core, then merged in module order so that each
    // variable keeps the first place it appears.
    List<Map<String, Variable>> perModule =
        codebase.productModules().parallelStream()
            .map(module -> variables(codebase, module))
            .toList();
    Map<String, Variable> found = new LinkedHashMap<>();
    for (Map<String, Variable> variables : perModule) {
      variables.forEach(found::putIfAbsent);
    }
    for (LambdaTemplates.Template template : LambdaTemplates.read(facts)) {
      templateVariables(template, found);
    }
    return new EnvironmentVariables(List.copyOf(found.values()));
  }

  /**
   * The variables one module reads. A module whose code spells none of {@link #SPELLED} reads none:
   * a reader's or option's callee ends in getenv, config, option, argument, Option or Argument, and
   * os.environ.get/setdefault and an environ subscript name environ, in the call or in the import
   * or binding the callee was resolved through.
   */
  private static Map<String, Variable> variables(PythonCodebase codebase, PythonModule module) {
    Map<String, Variable> found = new LinkedHashMap<>();
    if (!module.mentionsAny(SPELLED)) {
      return found;
    }
    for (Call call : module.calls()) {
      if (READERS.contains(call.callee()) && !call.positional().isEmpty()) {
        ModuleValues.string(module, call.positional().get(0))
            .ifPresent(n -> add(found, n, module.path(), call.line()));
      } else if (OPTIONS.contains(call.callee())) {
        call.keyword("envvar").ifPresent(v -> strings(v, module.path(), call.line(), found));
      }
    }
    if (codebase.text(module.path()).filter(text -> text.contains("environ[")).isPresent()) {
      codebase
          .tokens(module.path())
          .ifPresent(
              tokens ->
                  subscripts(
                      module.path(),
                      tokens,
                      "os.environ".equals(module.imports().get("environ")),
                      found));
    }
    return found;
  }

  /**
   * {@code os.environ["X"]} read (not assigned), or {@code environ["X"]} where {@code environ} is
   * imported from {@code os}: a WSGI handler's {@code environ} argument holds request keys.
   */
  private static void subscripts(
      String path, Tokens t, boolean environFromOs, Map<String, Variable> found) {
    for (int i = 0; i < t.size(); i++) {
      if (!t.is(i, "environ") || !t.isOp(t.skipTrivia(i + 1), '[')) {
        continue;
      }
      boolean qualified = i >= 2 && t.is(i - 1, ".") && t.is(i - 2, "os");
      boolean bare = i < 1 || !t.is(i - 1, ".");
      if (!(qualified || bare && environFromOs)) {
        continue;
      }
      int open = t.skipTrivia(i + 1);
      int key = t.skipTrivia(open + 1);
      int close = t.match(open);
      if (t.isKind(key, TokenKind.STRING)
          && t.skipTrivia(key + 1) == close
          && !t.isOp(t.skipTrivia(close + 1), '=')) {
        String name = t.stringValue(key);
        if (name != null) {
          add(found, name, path, t.line(i));
        }
      }
    }
  }

  private static void templateVariables(
      LambdaTemplates.Template template, Map<String, Variable> found) {
    JsonNode root = template.root();
    if (template.kind() == ServerlessTemplate.Kind.SERVERLESS) {
      keys(root.path("provider").path("environment"), template, "provider", found);
      for (Map.Entry<String, JsonNode> function : root.path("functions").properties()) {
        keys(function.getValue().path("environment"), template, "functions", found);
      }
      return;
    }
    keys(
        root.path("Globals").path("Function").path("Environment").path("Variables"),
        template,
        "Globals",
        found);
    for (TemplateResources.Resource resource : TemplateResources.of(template)) {
      if (resource.type().endsWith("::Function")) {
        keys(
            resource.properties().path("Environment").path("Variables"),
            template,
            "Resources",
            found);
      }
    }
  }

  private static void keys(
      JsonNode variables,
      LambdaTemplates.Template template,
      String section,
      Map<String, Variable> found) {
    for (Map.Entry<String, JsonNode> variable : variables.properties()) {
      add(found, variable.getKey(), template.path(), template.lineOf(section, variable.getKey()));
    }
  }

  private static void strings(PyValue value, String path, int line, Map<String, Variable> found) {
    if (value instanceof PyValue.Str str) {
      add(found, str.value(), path, line);
    } else if (value instanceof PyValue.Seq seq) {
      seq.items().forEach(v -> strings(v, path, line, found));
    }
  }

  private static void add(Map<String, Variable> found, String name, String path, int line) {
    if (NAME.matcher(name).matches() && !ALLOWED.matcher(name).matches()) {
      found.putIfAbsent(name, new Variable(name, path, line));
    }
  }
}
