package dev.fleetcheck.core.rules.observability;

import dev.fleetcheck.core.rules.Rule;
import java.util.List;

/** The observability rules (section 10) and emulator image pinning. */
public final class ObservabilityRules {

  private ObservabilityRules() {}

  public static List<Rule> all() {
    return List.of(
        new CorrelationIdHeader(),
        new StructuredLogging(),
        new Tracing(),
        new ColdStartVisible(),
        new PinnedImages(),
        new CorrelationIdInbound(),
        new OutboundTraceContext(),
        new InboundTraceContext(),
        new RequestStartLog());
  }
}
