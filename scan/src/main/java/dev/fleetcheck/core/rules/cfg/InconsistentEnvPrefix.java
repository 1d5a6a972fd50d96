package dev.fleetcheck.core.rules.cfg;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PY-CFG-003 (assisted): the application's environment variables ({@link EnvironmentVariables}) do
 * not share one prefix. With two or more, every name whose first {@code PREFIX_} segment differs
 * from the most common one (or that has none) is a finding.
 */
public final class InconsistentEnvPrefix implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-CFG-003",
              Set.of(Profile.CLI, Profile.API, Profile.LAMBDA),
              "Give every application environment variable one prefix (e.g. MYAPP_DB_URL,"
                  + " MYAPP_LOG_LEVEL).")
          .defined(
              "The application's environment variables are the names product code reads"
                  + " (`os.environ.get`, `os.getenv`, `os.environ[...]`, `setdefault`,"
                  + " `decouple.config`, click/typer `envvar=`) and template"
                  + " `Environment.Variables` keys, minus RULES-NEXT's platform allow-list (`AWS_*`,"
                  + " `LAMBDA_*`, `POWERTOOLS_*`, `OTEL_*`, `HOME`, `PATH`, `*_PROXY`, ...) extended,"
                  + " in its spirit, with other platforms' and programs' own names: the OS's and"
                  + " common tools' (`PAGER`, `EDITOR`, `SHELL`, `TMPDIR`, `KUBECONFIG`, `LESS`,"
                  + " ...), the Lambda runtime's `_X_AMZN_TRACE_ID`, the display's and terminal's"
                  + " (`DISPLAY`, `WAYLAND_DISPLAY`, `COLORTERM`, `COLORFGBG`), Kubernetes'"
                  + " (`KUBERNETES_SERVICE_*`, `KUBERNETES_EXEC_INFO`), `QT_API`, `DJANGO_COLORS`,"
                  + " and each another program's or platform's documented name: git's `GIT_SSH`/"
                  + "`GIT_SSH_COMMAND`, OpenSSH's `SSH_ORIGINAL_COMMAND`, the dynamic linker's"
                  + " `LD_PRELOAD`/`LD_LIBRARY_PATH`, `NETRC`, Docker's `DOCKER_HOST`, Podman's"
                  + " `CONTAINER_HOST`, coverage.py's `COVERAGE_FILE`, `SYSTEMD_OFFLINE`, Debian's"
                  + " `debian_chroot`, the reproducible-builds `SOURCE_DATE_EPOCH`, the New Relic"
                  + " agent's `NEW_RELIC_CONFIG_FILE`/`NEW_RELIC_ENVIRONMENT`, attic's"
                  + " `ATTIC_CACHE_DIR`/`ATTIC_KEYS_DIR` and Azure Pipelines' predefined"
                  + " `SYSTEM_*`/`BUILD_*`/`AGENT_*` names (each listed);"
                  + " a WSGI `environ`"
                  + " argument is not the environment. FAIL"
                  + " when two or more remain and they do not all share the first `PREFIX_`"
                  + " segment (leading underscores aside: `_ORDERS_COVERAGE` is an ORDERS_ name): one"
                  + " finding per name outside the most common prefix. pydantic-settings"
                  + " and django-environ are not read. NOT_APPLICABLE with fewer than two.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<EnvironmentVariables.Variable> variables = context.fact(EnvironmentVariables.FACT).all();
    if (variables.size() < 2) {
      return Outcome.notApplicable("fewer than two application environment variables");
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (EnvironmentVariables.Variable variable : variables) {
      counts.merge(prefix(variable.name()), 1, Integer::sum);
    }
    String common =
        counts.entrySet().stream()
            .filter(e -> !e.getKey().isEmpty())
            .max(Comparator.comparingInt(Map.Entry::getValue))
            .map(Map.Entry::getKey)
            .orElse("");
    List<Evidence> findings = new ArrayList<>();
    for (EnvironmentVariables.Variable variable : variables) {
      if (common.isEmpty() || !prefix(variable.name()).equals(common)) {
        findings.add(
            Evidence.at(
                variable.path(),
                variable.line(),
                variable.name()
                    + (common.isEmpty()
                        ? " has no PREFIX_ segment"
                        : " does not share the prefix " + common + "_ of the other variables")));
      }
    }
    return Outcome.assisted(findings);
  }

  /**
   * The first {@code PREFIX_} segment; leading underscores mark a private name of the same
   * namespace ({@code _ANSIBLE_COVERAGE_CONFIG} beside {@code ANSIBLE_CONFIG}).
   */
  private static String prefix(String name) {
    int start = 0;
    while (start < name.length() && name.charAt(start) == '_') {
      start++;
    }
    int underscore = name.indexOf('_', start + 1);
    return underscore < 0 ? "" : name.substring(start, underscore);
  }
}
