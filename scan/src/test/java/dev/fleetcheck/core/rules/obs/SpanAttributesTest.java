package dev.fleetcheck.core.rules.obs;

import static dev.fleetcheck.core.rules.RuleFixture.assertNoEvidentViolation;
import static dev.fleetcheck.core.rules.RuleFixture.check;
import static dev.fleetcheck.core.rules.RuleFixture.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.testing.FixtureRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpanAttributesTest {

  @TempDir Path dir;
  private final SpanAttributes rule = new SpanAttributes();

  @Test
  void handStartedSpansWithoutAttributesFail() {
    Path repo =
        FixtureRepo.in(dir)
            .python()
            .file(
                "app/orders.py",
                """
                from opentelemetry import trace
                tracer = trace.get_tracer(__name__)

                def place(order):
                    with tracer.start_as_current_span("place-order"):
                        # span.set_attribute("order", order.id)
                        return save(order)
                """)
            .build();

    assertThat(findings(check(rule, repo, Profile.API)))
        .containsExactly(
            "app/orders.py:5: tracer.start_as_current_span(...) starts a span, and no span"
                + " attribute is set anywhere");
  }

  @Test
  void attributesInstrumentorsOrNoTracingDoNotFail() {
    Path attributes =
        FixtureRepo.in(dir.resolve("a"))
            .python()
            .file(
                "app/orders.py",
                """
                from opentelemetry import trace
                tracer = trace.get_tracer(__name__)
                def place(order):
                    with tracer.start_as_current_span("place", attributes={"op": "place"}):
                        pass
                """)
            .build();
    Path instrumented =
        FixtureRepo.in(dir.resolve("b"))
            .python()
            .file(
                "app/main.py",
                """
                from opentelemetry import trace
                from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
                FastAPIInstrumentor.instrument_app(app)
                tracer = trace.get_tracer(__name__)
                with tracer.start_as_current_span("x"):
                    pass
                """)
            .build();
    Path untraced = FixtureRepo.in(dir.resolve("c")).python().file("app/m.py", "x = 1\n").build();

    assertNoEvidentViolation(check(rule, attributes, Profile.API));
    assertNoEvidentViolation(check(rule, instrumented, Profile.API));
    assertThat(check(rule, untraced, Profile.API).toString())
        .contains("same obligation as PY-OBS-031");
  }
}
