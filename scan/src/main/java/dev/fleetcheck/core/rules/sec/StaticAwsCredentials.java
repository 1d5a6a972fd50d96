package dev.fleetcheck.core.rules.sec;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.LambdaTemplates;
import dev.fleetcheck.core.rules.detect.ModuleValues;
import dev.fleetcheck.core.rules.detect.TemplateResources;
import dev.fleetcheck.core.secrets.Fingerprint;
import dev.fleetcheck.core.secrets.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PY-SEC-037 (assisted): static AWS credentials instead of a role: boto3/botocore clients,
 * resources and sessions given {@code aws_access_key_id=}/{@code aws_secret_access_key=} in product
 * code, and IAM access keys created in a template. A literal key in any file stays PY-SEC-041's
 * finding (one home per finding); here a literal value is named by the secrets scanner's
 * fingerprint, never shown.
 */
public final class StaticAwsCredentials implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-SEC-037",
              Set.of(Profile.PYTHON),
              "Let boto3 find credentials itself (the function's or task's IAM role, SSO or a profile"
                  + " locally); never pass aws_access_key_id/aws_secret_access_key or create IAM user"
                  + " access keys in a template.")
          .defined(
              "FAIL on an evident violation: static AWS credentials: "
                  + "`boto3`/`botocore`/`aioboto3` `client`, `resource` or `Session` (and "
                  + "`client`/`resource` on a bound session) given `aws_access_key_id=` or "
                  + "`aws_secret_access_key=` in product code (a literal is named by the "
                  + "secrets scanner's fingerprint, never shown); an `AWS::IAM::AccessKey` "
                  + "in a template. Dummy values an emulator takes (`test`, `testing`, "
                  + "`dummy`, `fake`, `local`, placeholders, and any literal shorter than "
                  + "16 characters, AWS's shortest access key id, such as moto's `ak`/`sk`) "
                  + "never fire, whatever the "
                  + "endpoint. One home per finding: a literal key in any file is "
                  + "PY-SEC-041's finding. Narrowed: compose and Dockerfile environments "
                  + "are not read",
              Effort.MEDIUM);

  private static final Set<String> FACTORIES =
      Set.of(
          "boto3.client",
          "boto3.resource",
          "boto3.Session",
          "boto3.session.Session",
          "botocore.session.Session",
          "aioboto3.Session",
          "aiobotocore.session.AioSession");
  private static final Set<String> SESSION_FACTORIES =
      Set.of("boto3.Session", "boto3.session.Session", "aioboto3.Session");
  private static final List<String> KEYWORDS =
      List.of("aws_access_key_id", "aws_secret_access_key");

  /** Values that only an emulator accepts (RULES-NEXT.md: dummy values). */
  private static final Set<String> DUMMIES =
      Set.of("test", "testing", "dummy", "fake", "local", "foo", "bar", "x", "none");

  /** AWS's shortest access key id: a shorter literal ({@code "ak"}, {@code "sk"}) is no key. */
  private static final int SHORTEST_KEY = 16;

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    List<PythonModule> modules = PythonCodebase.of(context.facts()).productModules();
    List<LambdaTemplates.Template> templates = LambdaTemplates.read(context.facts());
    if (modules.isEmpty() && templates.isEmpty()) {
      return Outcome.notApplicable("no Python product code and no template");
    }
    List<Evidence> findings = new ArrayList<>();
    for (PythonModule module : modules) {
      // A finding is a call given one of the KEYWORDS, spelled as keyword arguments.
      if (!module.mentionsAny(KEYWORDS)) {
        continue;
      }
      Set<String> sessions = ModuleValues.namesBoundTo(module, SESSION_FACTORIES);
      for (Call call : module.calls()) {
        boolean factory =
            FACTORIES.contains(call.callee())
                || ((call.name().equals("client") || call.name().equals("resource"))
                    && sessions.contains(call.writtenReceiver()));
        if (factory) {
          credential(module, call).ifPresent(findings::add);
        }
      }
    }
    for (LambdaTemplates.Template template : templates) {
      for (TemplateResources.Resource resource : TemplateResources.of(template)) {
        if (resource.type().equals("AWS::IAM::AccessKey")) {
          findings.add(
              Evidence.at(
                  template.path(),
                  resource.line(),
                  "IAM access key " + resource.id() + " created for a user: static credentials"));
        }
      }
    }
    return Outcome.assisted(findings);
  }

  private static Optional<Evidence> credential(PythonModule module, Call call) {
    for (String keyword : KEYWORDS) {
      Optional<PyValue> value = call.keyword(keyword);
      if (value.isEmpty() || value.get().isNone()) {
        continue;
      }
      Optional<String> literal = ModuleValues.string(module, value.get());
      if (literal.isPresent() && isDummy(literal.get())) {
        continue;
      }
      String shown =
          literal
              .map(v -> "a literal (fingerprint " + Fingerprint.of(v) + ")")
              .orElse(ModuleValues.text(value.get()));
      return Optional.of(
          Evidence.at(
              module.path(),
              call.line(),
              "static AWS credentials: " + call.written() + "(" + keyword + "=" + shown + ")"));
    }
    return Optional.empty();
  }

  private static boolean isDummy(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return DUMMIES.contains(v) || v.length() < SHORTEST_KEY || Placeholders.isPlaceholder(value);
  }
}
