package dev.fleetcheck.core.rules.obs;

import dev.fleetcheck.core.facts.TextLines;
import dev.fleetcheck.core.facts.pysource.PythonSources;
import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.io.HomeOutcomes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PY-OBS-006: responses carry a correlation id: {@code X-Request-Id} handled in product code, or a
 * library that does it (asgi-correlation-id, django-guid, powertools correlation ids).
 */
public final class CorrelationIdHeader implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.of(
              "PY-OBS-006",
              Profile.API,
              "Accept an inbound X-Request-Id (or generate one), log it, and return it on every"
                  + " response: a middleware, asgi-correlation-id, or django-guid.")
          .defined(
              "PASS when responses carry a correlation id: `X-Request-Id` handling in "
                  + "code, or asgi-correlation-id, django-guid, oslo.middleware `RequestId` "
                  + "(X-OpenStack-Request-Id; imported, wired in a paste .ini or setup.cfg, or "
                  + "its header named next to an oslo_middleware import) or powertools "
                  + "correlation; else FAIL.",
              Effort.MEDIUM);

  private static final List<String[]> LIBRARIES =
      List.of(
          new String[] {"asgi-correlation-id", "asgi_correlation_id"},
          new String[] {"django-guid", "django_guid"});

  /** The header's name with ASCII letters in lower case and {@code -} where {@code _} may be. */
  private static final String REQUEST_ID = "x-request-id";

  private static final Pattern POWERTOOLS_CORRELATION =
      Pattern.compile("\\bcorrelation_id_path\\b|\\bset_correlation_id\\s*\\(");

  /**
   * The first place, file by file, where {@code x[-_]request[-_]id} matches case-insensitively (in
   * ASCII) in code without comments, found by comparing characters: a case-insensitive expression
   * has no literal to skip ahead with and is tried at every offset.
   */
  private static Optional<Evidence> requestIdHeader(PythonSources sources) {
    for (String path : sources.paths()) {
      Optional<String> code = sources.code(path);
      if (code.isEmpty()) {
        continue;
      }
      int at = indexOfRequestId(code.get());
      if (at >= 0) {
        return Optional.of(
            Evidence.at(path, TextLines.lineAt(code.get(), at), "X-Request-Id handled in code"));
      }
    }
    return Optional.empty();
  }

  static int indexOfRequestId(String code) {
    int last = code.length() - REQUEST_ID.length();
    for (int i = 0; i <= last; i++) {
      if (matchesAt(code, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(String code, int at) {
    for (int j = 0; j < REQUEST_ID.length(); j++) {
      char want = REQUEST_ID.charAt(j);
      char c = code.charAt(at + j);
      boolean same = want == '-' ? c == '-' || c == '_' : (c | 0x20) == want;
      if (!same) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return HomeOutcomes.of(context, SPEC.id(), () -> judge(context));
  }

  private Outcome judge(RuleContext context) {
    for (String[] library : LIBRARIES) {
      Optional<Evidence> found =
          Signals.library(
              context, library[0], library[1], library[0] + " returns the correlation id");
      if (found.isPresent()) {
        return Outcome.pass(found.get());
      }
    }
    Optional<Evidence> oslo =
        OsloRequestId.find(context, "returns x-openstack-request-id on every response");
    if (oslo.isPresent()) {
      return Outcome.pass(oslo.get());
    }
    PythonSources sources = context.fact(PythonSources.FACT);
    Optional<Evidence> header = requestIdHeader(sources);
    if (header.isPresent()) {
      return Outcome.pass(header.get());
    }
    Optional<Evidence> powertools =
        sources.find("correlation_id", POWERTOOLS_CORRELATION, "powertools correlation id");
    if (powertools.isPresent()) {
      return Outcome.pass(powertools.get());
    }
    return Outcome.fail(
        Evidence.repository(
            "no correlation id: X-Request-Id is not handled in code, and no asgi-correlation-id,"
                + " django-guid or powertools correlation id"));
  }
}
