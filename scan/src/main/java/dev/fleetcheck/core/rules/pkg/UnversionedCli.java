package dev.fleetcheck.core.rules.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.python.Pyproject;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.python.TokenKind;
import dev.fleetcheck.core.python.Tokens;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.VendoredCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PY-PKG-003 (assisted): a CLI package with no declared version, or a literal version that is not
 * {@code MAJOR.MINOR.PATCH} (with an optional SemVer or PEP 440 pre-release, post, dev or local
 * suffix). Whether bumps follow breaking changes needs a reviewer.
 */
public final class UnversionedCli implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-PKG-003",
              Set.of(Profile.CLI),
              "Declare the package version as MAJOR.MINOR.PATCH (pyproject [project] version, a"
                  + " VCS-derived dynamic version, or __version__) and bump MAJOR on breaking CLI"
                  + " changes.")
          .defined(
              "FAIL when no version is declared (pyproject [project] version or dynamic version,"
                  + " [tool.poetry] version, setup.cfg/setup.py version, a __version__ literal,"
                  + " setuptools-scm's chained `__version__ = version = '1.2.4'` included) or"
                  + " a literal version is not MAJOR.MINOR.PATCH (SemVer or PEP 440 suffixes"
                  + " allowed), e.g. 1.0, 2024.5, v1; else MANUAL. Narrowed: a `__version__` under"
                  + " a vendored-code folder (`thirdparty/`, `third_party/`, `vendor/`, `_vendor/`,"
                  + " `vendored/`, `extern/`) is the copied library's, and an empty"
                  + " `__version__ = ''` (an optional dependency's stub) declares nothing."
                  + " A `__version__` bound to an expression or an import (built from its parts,"
                  + " pbr's `VersionInfo(...).release_string()`, `importlib.metadata.version()`,"
                  + " setuptools-scm's `_version`) declares a version whose form is not judged.",
              Effort.LOW);

  private static final Pattern SEMVER =
      Pattern.compile(
          "^\\d+\\.\\d+\\.\\d+(?:[-.]?(?:a|b|c|rc|alpha|beta|pre|preview|dev|post)[.\\-]?\\d*)*"
              + "(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$");
  private static final Pattern SETUP_CFG_VERSION =
      Pattern.compile("(?m)^version\\s*=\\s*(\\S.*?)\\s*$");

  private static final String VERSION = "__version__";
  private static final Pattern CHAINED_VERSION =
      Pattern.compile("(?m)^__version__\\s*=\\s*(?:[A-Za-z_]\\w*\\s*=\\s*)+(['\"])([^'\"\\n]*)\\1");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<Evidence> literal = new ArrayList<>();
    boolean declared = false;
    for (Pyproject.RootPyproject pyproject : context.fact(Pyproject.AT_ROOTS)) {
      JsonNode project = pyproject.node("project");
      if (project.path("version").isTextual()) {
        declared = true;
        check(
            pyproject.path(),
            TextLines.keyLine(pyproject.text(), "version"),
            project.path("version").asText(),
            literal);
      } else if (project.path("dynamic").toString().contains("\"version\"")) {
        declared = true;
      }
      JsonNode poetry = pyproject.node("tool", "poetry");
      if (poetry.path("version").isTextual()) {
        declared = true;
        check(
            pyproject.path(),
            TextLines.keyLine(pyproject.text(), "version"),
            poetry.path("version").asText(),
            literal);
      }
    }
    Optional<String> setupCfg = context.snapshot().readText("setup.cfg");
    if (setupCfg.isPresent()) {
      Matcher m = SETUP_CFG_VERSION.matcher(setupCfg.get());
      if (m.find()) {
        declared = true;
        if (!m.group(1).startsWith("attr:") && !m.group(1).startsWith("file:")) {
          check("setup.cfg", TextLines.lineAt(setupCfg.get(), m.start()), m.group(1), literal);
        }
      }
    }
    PythonCodebase codebase = PythonCodebase.of(context.facts());
    Optional<PythonModule> setupPy = codebase.module("setup.py");
    if (setupPy.isPresent()) {
      for (Call call : setupPy.get().calls()) {
        if (call.name().equals("setup") && call.hasKeyword("version")) {
          declared = true;
          if (call.keyword("version").get() instanceof PyValue.Str s) {
            check("setup.py", call.line(), s.value(), literal);
          }
        }
      }
    }
    for (PythonModule module : codebase.productModules()) {
      if (!module.mentions(VERSION) || VendoredCode.in(module.path())) {
        continue;
      }
      boolean found = false;
      for (Assignment assignment : module.assignments()) {
        if (assignment.target().equals(VERSION)
            && assignment.value() instanceof PyValue.Str s
            && !s.value().isBlank()) {
          declared = found = true;
          check(module.path(), assignment.line(), s.value(), literal);
        }
      }
      if (!found) {
        // setuptools-scm writes `__version__ = version = '1.2.4'`: a chained assignment.
        Optional<String> text = codebase.text(module.path());
        Matcher m = CHAINED_VERSION.matcher(text.orElse(""));
        if (m.find() && !m.group(2).isBlank()) {
          declared = true;
          check(module.path(), TextLines.lineAt(text.get(), m.start()), m.group(2), literal);
        } else if (!declared && computedVersion(codebase, module)) {
          // A version computed from its parts, pbr's or the installed metadata: declared, and its
          // form is for a reviewer.
          declared = true;
        }
      }
    }
    if (!declared) {
      return Outcome.fail(Evidence.repository("no package version declared anywhere"));
    }
    return Outcome.assisted(literal);
  }

  /**
   * Whether the module binds {@code __version__} to something other than a literal: an assignment
   * of an expression ({@code '.'.join(map(str, _ver))}, pbr's {@code
   * version_info.release_string()}, {@code importlib.metadata.version("tool")}) or an import bound
   * to that name ({@code from ._version import version as __version__}).
   */
  private static boolean computedVersion(PythonCodebase codebase, PythonModule module) {
    if (module.imports().containsKey(VERSION)) {
      return true;
    }
    Optional<Tokens> tokens = codebase.tokens(module.path());
    if (tokens.isEmpty()) {
      return false;
    }
    Tokens t = tokens.get();
    for (int i = 0; i < t.size(); i++) {
      if (t.isName(i) && t.is(i, VERSION) && t.depth(i) == 0 && t.startsStatement(i)) {
        int next = t.skipTrivia(i + 1);
        if (t.isOp(next, ':')) {
          // An annotation: `__version__: str = ...`.
          while (next < t.size()
              && !t.isOp(next, '=')
              && t.kind(next) != TokenKind.NEWLINE
              && t.kind(next) != TokenKind.ENDMARKER) {
            next++;
          }
        }
        int value = t.skipTrivia(next + 1);
        if (t.isOp(next, '=')
            && t.kind(value) != TokenKind.NEWLINE
            && t.kind(value) != TokenKind.ENDMARKER
            && !t.is(value, "None")
            && !bareLiteral(t, value)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the value at {@code i} is one string literal alone (read as an assignment already). */
  private static boolean bareLiteral(Tokens t, int i) {
    if (!t.isKind(i, TokenKind.STRING)) {
      return false;
    }
    int after = t.skipTrivia(i + 1);
    return after >= t.size()
        || t.kind(after) == TokenKind.NEWLINE
        || t.kind(after) == TokenKind.ENDMARKER
        || t.isOp(after, ';');
  }

  private static void check(String path, int line, String version, List<Evidence> findings) {
    String v = version.strip();
    if (!SEMVER.matcher(v).matches()) {
      String message = "version '" + v + "' is not MAJOR.MINOR.PATCH";
      findings.add(line > 0 ? Evidence.at(path, line, message) : Evidence.file(path, message));
    }
  }
}
