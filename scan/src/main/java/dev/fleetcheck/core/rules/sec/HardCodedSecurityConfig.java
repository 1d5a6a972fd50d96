package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Assignment;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.ProductCode;
import dev.fleetcheck.core.rules.detect.PublicHosts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-044 (assisted): environment-specific security values written into the code, so one build
 * cannot serve two environments: a literal {@code audience=} or {@code issuer=} passed to a JWT
 * decode call (a module constant holding a literal counts), a literal CORS origin list that mixes
 * {@code localhost}/{@code 127.0.0.1} with public hosts ({@code allow_origins=}, {@code origins=},
 * {@code CORS_ALLOWED_ORIGINS}, {@code CORS_ORIGINS}), and a literal {@code
 * redirect_uri="https://..."}. Option dicts ({@code {"aud": ...}}) are not checked.
 */
public final class HardCodedSecurityConfig implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-044",
              Set.of(Profile.API, Profile.LAMBDA),
              "Read issuers, audiences, allowed origins and redirect URIs from per-environment"
                  + " configuration (settings or environment variables), not from literals.")
          .defined(
              "FAIL per literal `audience=` or `issuer=` (a module constant holding a literal"
                  + " counts) passed to a JWT `decode`; per literal CORS origin list"
                  + " (`allow_origins=`, `origins=`, `CORS_ALLOWED_ORIGINS`, `CORS_ORIGINS`) holding"
                  + " both `localhost`/`127.0.0.1` and a public host; per literal `redirect_uri`"
                  + " starting `https://`. Option dicts (`{\"aud\": ...}`) are not checked."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> ORIGIN_KEYWORDS = Set.of("allow_origins", "origins");
  private static final Set<String> ORIGIN_SETTINGS =
      Set.of("CORS_ALLOWED_ORIGINS", "CORS_ORIGINS", "CORS_ORIGIN_WHITELIST", "ALLOWED_ORIGINS");

  /** Every call finding needs one of these keywords (decode's audience= or issuer= besides). */
  private static final Set<String> CALL_TRIGGERS =
      Set.of("decode", "allow_origins", "origins", "redirect_uri");

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, HardCodedSecurityConfig::findings);
  }

  private static List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    boolean callsNamed = module.mentionsAny(CALL_TRIGGERS);
    for (Call call : callsNamed ? module.calls() : List.<Call>of()) {
      if (call.keywords().isEmpty()) {
        continue;
      }
      if (call.name().equals("decode") && call.callee().contains("jwt")) {
        for (String key : List.of("audience", "issuer")) {
          call.keyword(key)
              .filter(v -> literalText(module, v))
              .ifPresent(
                  v ->
                      findings.add(
                          Evidence.at(
                              module.path(),
                              call.line(),
                              "JWT " + key + " hard-coded as a literal")));
        }
      }
      for (String key : ORIGIN_KEYWORDS) {
        call.keyword(key)
            .flatMap(HardCodedSecurityConfig::mixedOrigins)
            .ifPresent(m -> findings.add(Evidence.at(module.path(), call.line(), m)));
      }
      call.keyword("redirect_uri")
          .flatMap(v -> ModuleValues.string(module, v))
          .filter(uri -> uri.startsWith("https://"))
          .ifPresent(
              uri ->
                  findings.add(
                      Evidence.at(
                          module.path(),
                          call.line(),
                          "OAuth redirect_uri hard-coded (" + uri + ")")));
    }
    boolean settingsNamed = module.mentionsAny(ORIGIN_SETTINGS);
    for (Assignment assignment : settingsNamed ? module.assignments() : List.<Assignment>of()) {
      if (ORIGIN_SETTINGS.contains(assignment.name())) {
        mixedOrigins(assignment.value())
            .ifPresent(m -> findings.add(Evidence.at(module.path(), assignment.line(), m)));
      }
    }
    return findings;
  }

  /** A string literal, a constant holding one, or a list of string literals. */
  private static boolean literalText(PythonModule module, PyValue value) {
    if (value instanceof PyValue.Seq seq) {
      return !seq.items().isEmpty() && seq.items().stream().allMatch(i -> i instanceof PyValue.Str);
    }
    return ModuleValues.string(module, value).isPresent();
  }

  /** A literal origin list holding a loopback origin next to a public one. */
  private static Optional<String> mixedOrigins(PyValue value) {
    if (!(value instanceof PyValue.Seq seq)) {
      return Optional.empty();
    }
    boolean local = false;
    boolean publicHost = false;
    for (PyValue item : seq.items()) {
      if (item instanceof PyValue.Str str) {
        String host = host(str.value());
        local |= host.equals("localhost") || host.equals("127.0.0.1");
        publicHost |= PublicHosts.isPublic(host);
      }
    }
    return local && publicHost
        ? Optional.of("CORS origins mix localhost with public hosts in one literal list")
        : Optional.empty();
  }

  private static String host(String origin) {
    try {
      String host = URI.create(origin.trim()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
