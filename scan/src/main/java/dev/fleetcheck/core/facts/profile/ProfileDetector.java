package dev.fleetcheck.core.facts.profile;

import dev.fleetcheck.core.facts.Fact;
import dev.fleetcheck.core.facts.Facts;
import dev.fleetcheck.core.facts.aws.ServerlessTemplate;
import dev.fleetcheck.core.facts.aws.ServerlessTemplates;
import dev.fleetcheck.core.facts.python.ConsoleScripts;
import dev.fleetcheck.core.facts.python.DeclaredDependencies;
import dev.fleetcheck.core.facts.python.Dependencies;
import dev.fleetcheck.core.facts.python.PythonModule;
import dev.fleetcheck.core.facts.python.PythonModules;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.snapshot.SourceFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Detects the repository's profiles (RULES.md, "Outcomes, levels, profiles" and the "Profiles"
 * decision). Test code and files under the top-level examples/, docs/, scripts/, release/,
 * benchmark(s)/ folders never decide a profile ({@link ProfileScope}). Every detected profile
 * carries its reasons, each prefixed with the profile.
 */
public final class ProfileDetector {

  public static final Fact<DetectedProfiles> FACT = Fact.of("profiles", ProfileDetector::detect);

  private static final int MAX_REASONS_PER_PROFILE = 3;
  private static final Set<String> PYTHON_PROJECT_FILES =
      Set.of("pyproject.toml", "setup.py", "setup.cfg", "Pipfile");
  private static final List<String> CLI_MODULES = List.of("argparse", "optparse", "click", "typer");
  private static final List<String> API_DEPENDENCIES =
      List.of("fastapi", "starlette", "django", "djangorestframework", "flask", "litestar");
  private static final List<String> API_MODULES =
      List.of("fastapi", "starlette", "django", "rest_framework", "flask", "litestar");
  private static final String POWERTOOLS = "aws-lambda-powertools";

  private ProfileDetector() {}

  static DetectedProfiles detect(Facts facts) {
    Map<Profile, List<Evidence>> reasons = new EnumMap<>(Profile.class);
    python(facts, reasons);
    if (!reasons.containsKey(Profile.PYTHON)) {
      return new DetectedProfiles(Set.of(), List.of());
    }
    List<PythonModule> modules = facts.get(PythonModules.FACT);
    DeclaredDependencies dependencies = facts.get(Dependencies.FACT);
    ProfileScope scope = facts.get(ProfileScope.FACT);
    List<ServerlessTemplate> templates =
        facts.get(ServerlessTemplates.FACT).stream()
            .filter(t -> !scope.inExcludedFolder(t.path()))
            .toList();
    cli(facts, modules, reasons);
    api(modules, dependencies, templates, reasons);
    lambda(modules, dependencies, templates, reasons);
    List<Evidence> all = new ArrayList<>();
    reasons.values().forEach(all::addAll);
    return new DetectedProfiles(reasons.keySet(), all);
  }

  private static void python(Facts facts, Map<Profile, List<Evidence>> reasons) {
    Optional<SourceFile> projectFile = Optional.empty();
    Optional<SourceFile> requirements = Optional.empty();
    Optional<SourceFile> source = Optional.empty();
    ProfileScope scope = facts.get(ProfileScope.FACT);
    for (SourceFile file : facts.snapshot().files()) {
      if (!scope.decides(file)) {
        continue;
      }
      String name = file.name();
      if (PYTHON_PROJECT_FILES.contains(name)) {
        projectFile = projectFile.or(() -> Optional.of(file));
      } else if (name.contains("requirements") && name.endsWith(".txt")) {
        requirements = requirements.or(() -> Optional.of(file));
      } else if (file.isPython()) {
        source = source.or(() -> Optional.of(file));
      }
    }
    projectFile.ifPresent(
        f -> add(reasons, Profile.PYTHON, Evidence.file(f.path(), "Python project file")));
    requirements.ifPresent(
        f -> add(reasons, Profile.PYTHON, Evidence.file(f.path(), "pip requirements file")));
    source.ifPresent(
        f -> add(reasons, Profile.PYTHON, Evidence.file(f.path(), "Python source file")));
  }

  private static void cli(
      Facts facts, List<PythonModule> modules, Map<Profile, List<Evidence>> reasons) {
    for (Evidence script : facts.get(ConsoleScripts.FACT)) {
      add(reasons, Profile.CLI, script);
    }
    for (PythonModule module : modules) {
      if (module.path().equals("__main__.py") || module.path().endsWith("/__main__.py")) {
        add(reasons, Profile.CLI, Evidence.file(module.path(), "package entry point __main__.py"));
      }
    }
    for (PythonModule module : modules) {
      if (module.mainGuardLine() == 0) {
        continue;
      }
      for (String cliModule : CLI_MODULES) {
        if (module.imports(cliModule)) {
          add(
              reasons,
              Profile.CLI,
              Evidence.at(
                  module.path(),
                  module.mainGuardLine(),
                  "imports " + cliModule + " and runs as a script (__main__ guard)"));
          break;
        }
      }
    }
  }

  private static void api(
      List<PythonModule> modules,
      DeclaredDependencies dependencies,
      List<ServerlessTemplate> templates,
      Map<Profile, List<Evidence>> reasons) {
    for (String name : API_DEPENDENCIES) {
      dependencies
          .where(name)
          .ifPresent(
              where ->
                  add(
                      reasons,
                      Profile.API,
                      Evidence.at(where.path(), where.line(), "depends on " + name)));
    }
    imports(modules, API_MODULES, Profile.API, reasons);
    for (ServerlessTemplate template : templates) {
      template.apiEvents().stream().findFirst().ifPresent(e -> add(reasons, Profile.API, e));
    }
  }

  private static void lambda(
      List<PythonModule> modules,
      DeclaredDependencies dependencies,
      List<ServerlessTemplate> templates,
      Map<Profile, List<Evidence>> reasons) {
    for (ServerlessTemplate template : templates) {
      add(reasons, Profile.LAMBDA, Evidence.file(template.path(), describe(template.kind())));
    }
    for (PythonModule module : modules) {
      if (module.lambdaHandlerLine() > 0) {
        add(
            reasons,
            Profile.LAMBDA,
            Evidence.at(
                module.path(), module.lambdaHandlerLine(), "Lambda handler(event, context)"));
      }
    }
    dependencies
        .where(POWERTOOLS)
        .ifPresent(
            where ->
                add(
                    reasons,
                    Profile.LAMBDA,
                    Evidence.at(where.path(), where.line(), "depends on " + POWERTOOLS)));
  }

  private static void imports(
      List<PythonModule> modules,
      List<String> wanted,
      Profile profile,
      Map<Profile, List<Evidence>> reasons) {
    for (PythonModule module : modules) {
      for (String name : wanted) {
        Integer line = module.imports().get(name);
        if (line != null) {
          add(reasons, profile, Evidence.at(module.path(), line, "imports " + name));
          break;
        }
      }
    }
  }

  private static String describe(ServerlessTemplate.Kind kind) {
    return switch (kind) {
      case SAM -> "AWS SAM template";
      case SERVERLESS -> "Serverless Framework configuration";
      case SAMCONFIG -> "AWS SAM CLI configuration";
    };
  }

  private static void add(Map<Profile, List<Evidence>> reasons, Profile profile, Evidence why) {
    List<Evidence> list = reasons.computeIfAbsent(profile, p -> new ArrayList<>());
    if (list.size() < MAX_REASONS_PER_PROFILE) {
      list.add(new Evidence(why.path(), why.line(), profile.id() + ": " + why.message()));
    }
  }
}
