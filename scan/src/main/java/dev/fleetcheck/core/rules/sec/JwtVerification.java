package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.LiteralPair;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ModuleCheck;
import dev.fleetcheck.core.rules.detect.ModuleFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-012: JWT decoding never turns signature verification off ({@code "verify_signature":
 * False} wherever written, {@code verify=False} on PyJWT or python-jose's {@code decode}) and never
 * accepts the {@code none} algorithm.
 */
public final class JwtVerification implements Rule, ModuleCheck {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-SEC-012",
              Profile.API,
              "Decode JWTs with signature verification on and an explicit allow-list of real"
                  + " algorithms (e.g. algorithms=[\"RS256\"]); never verify_signature=False,"
                  + " verify=False or the 'none' algorithm.")
          .defined(
              "FAIL per JWT decode that disables verification (`verify_signature: "
                  + "False`, `verify=False`) or allows `none` in `algorithms`; PASS "
                  + "otherwise.",
              Effort.LOW);

  private static final Set<String> DECODERS =
      Set.of("jwt.decode", "jose.jwt.decode", "jwt.api_jwt.decode", "jwt.api_jws.decode");
  private static final String VERIFY_SIGNATURE = "verify_signature";

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ModuleFindings.outcome(context, this, "no JWT decoding disables verification");
  }

  @Override
  public List<Evidence> findings(PythonModule module) {
    List<Evidence> findings = new ArrayList<>();
    for (LiteralPair pair : module.literalPairs()) {
      if (pair.key().equals(VERIFY_SIGNATURE) && pair.value().isFalse()) {
        findings.add(disabled(module, pair.line(), "\"verify_signature\": False"));
      }
    }
    for (Call call : module.calls()) {
      if (call.keyword(VERIFY_SIGNATURE).filter(PyValue::isFalse).isPresent()) {
        findings.add(disabled(module, call.line(), "verify_signature=False"));
      }
      if (!DECODERS.contains(call.callee())) {
        continue;
      }
      if (call.keyword("verify").filter(PyValue::isFalse).isPresent()) {
        findings.add(disabled(module, call.line(), call.written() + "(..., verify=False)"));
      }
      Optional<PyValue> algorithms = call.keyword("algorithms");
      if (algorithms.isPresent() && algorithms.get().containsString("none")) {
        findings.add(
            Evidence.at(
                module.path(),
                call.line(),
                call.written() + "(...) accepts the 'none' algorithm: tokens need no signature"));
      }
    }
    return findings;
  }

  private static Evidence disabled(PythonModule module, int line, String how) {
    return Evidence.at(module.path(), line, "JWT signature verification disabled: " + how);
  }
}
