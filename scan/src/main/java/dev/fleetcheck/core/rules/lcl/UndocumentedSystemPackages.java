package dev.fleetcheck.core.rules.lcl;

import dev.fleetcheck.core.facts.container.ContainerFiles;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PY-LCL-029 (assisted): a declared dependency that builds against a system library whose OS
 * package no container file, dev container, package list or install script names. Per-package
 * version pins are not required (RULES-NEXT decision: a pinned base image plus the listed packages
 * meets the rule), so unpinned {@code apt-get install} lines are not reported.
 */
public final class UndocumentedSystemPackages implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-LCL-029",
              Set.of(Profile.PYTHON),
              "Name the OS packages your dependencies build against (libpq-dev, libmagic1 ...) in"
                  + " the Dockerfile, dev container, an Aptfile/Brewfile or the setup script.")
          .defined(
              "FAIL per declared psycopg2 (not -binary), mysqlclient, python-magic, pyodbc,"
                  + " python-ldap, pycairo or pygraphviz whose OS package (libpq, libmysqlclient,"
                  + " libmagic, unixodbc, libldap, cairo, graphviz) no container file, dev container,"
                  + " Aptfile, apt.txt, packages.txt, Brewfile or *.sh script names; else MANUAL."
                  + " NOT_APPLICABLE without such a dependency.",
              Effort.LOW);

  /** Dependency to the names its OS package goes by (any one suffices). */
  private static final Map<String, List<String>> NEEDS = new LinkedHashMap<>();

  static {
    NEEDS.put("psycopg2", List.of("libpq", "postgresql-dev", "postgresql-libs", "postgresql@"));
    NEEDS.put("mysqlclient", List.of("libmysqlclient", "mariadb", "mysql-client", "mysql-devel"));
    NEEDS.put("python-magic", List.of("libmagic", "file-devel"));
    NEEDS.put("pyodbc", List.of("unixodbc"));
    NEEDS.put("python-ldap", List.of("libldap", "openldap"));
    NEEDS.put("pycairo", List.of("cairo"));
    NEEDS.put("pygraphviz", List.of("graphviz"));
  }

  private static final Set<String> LISTS =
      Set.of("aptfile", "apt.txt", "packages.txt", "brewfile", "apt-packages.txt");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    DeclaredDependencies dependencies = context.fact(Dependencies.FACT);
    List<String> declared = NEEDS.keySet().stream().filter(dependencies::has).toList();
    if (declared.isEmpty()) {
      return Outcome.notApplicable("no dependency that needs a system library");
    }
    String installs = installText(context);
    List<Evidence> findings = new ArrayList<>();
    for (String dependency : declared) {
      if (NEEDS.get(dependency).stream().noneMatch(installs::contains)) {
        String message =
            dependency
                + " needs the OS package "
                + NEEDS.get(dependency).get(0)
                + ", named in no container file, package list or setup script";
        findings.add(
            dependencies
                .where(dependency)
                .map(e -> new Evidence(e.path(), e.line(), message))
                .orElse(Evidence.repository(message)));
      }
    }
    return Outcome.assisted(findings);
  }

  /** The lower-cased text of every file that installs OS packages. */
  private static String installText(RuleContext context) {
    ContainerFiles containers = context.fact(ContainerFiles.FACT);
    StringBuilder text = new StringBuilder();
    for (SourceFile file : context.snapshot().files()) {
      String name = file.name().toLowerCase(Locale.ROOT);
      boolean installs =
          containers.containerfiles().contains(file.path())
              || containers.devcontainer().contains(file.path())
              || LISTS.contains(name)
              || (name.endsWith(".sh") && !file.testCode());
      if (installs) {
        text.append(context.snapshot().readText(file.path()).orElse("")).append('\n');
      }
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }
}
