package dev.fleetcheck.core.rules.ext;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PY-EXT-005 (assisted): unit-tier tests that build AWS clients while nothing in the test tree
 * isolates AWS. Public-host HTTP calls in unit tests are PY-LCL-026's findings and scored there.
 */
public final class UnisolatedAwsTests implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-EXT-005",
              Set.of(Profile.PYTHON),
              "Isolate AWS in unit tests: moto (mock_aws), botocore Stubber, or an emulator"
                  + " endpoint (endpoint_url / AWS_ENDPOINT_URL) with dummy credentials.")
          .defined(
              "FAIL per unit-tier test module (as PY-LCL-026) that builds boto3/aioboto3 clients"
                  + " or resources when no test module uses moto or Stubber, names endpoint_url,"
                  + " AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID or localstack; public-host HTTP is judged"
                  + " by PY-LCL-026. Else MANUAL. NOT_APPLICABLE without test code.",
              Effort.MEDIUM);

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    TestSuite suite = context.fact(TestSuite.FACT);
    if (suite.modules().isEmpty()) {
      return Outcome.notApplicable("no Python test code");
    }
    if (isolated(suite)) {
      return Outcome.noEvidentViolation();
    }
    List<Evidence> findings = new ArrayList<>();
    for (TestSuite.TestModule test : suite.modules()) {
      if (test.outsideUnitTier()) {
        continue;
      }
      for (Call call : test.module().calls()) {
        if (awsClient(call)) {
          findings.add(
              Evidence.at(
                  test.path(),
                  call.line(),
                  call.written() + "(...) in a unit test with no AWS isolation in the test tree"));
          break;
        }
      }
    }
    return Outcome.assisted(findings);
  }

  static boolean isolated(TestSuite suite) {
    return suite.anyImports("moto")
        || suite.anyImports("botocore.stub")
        || suite.anyHint("endpoint_url")
        || suite.anyHint("AWS_ENDPOINT_URL")
        || suite.anyHint("AWS_ACCESS_KEY_ID")
        || suite.anyHint("localstack");
  }

  static boolean awsClient(Call call) {
    String callee = call.callee();
    return callee.equals("boto3.client")
        || callee.equals("boto3.resource")
        || callee.startsWith("aioboto3.")
        || (callee.startsWith("boto3.")
            && (call.name().equals("client") || call.name().equals("resource")));
  }
}
