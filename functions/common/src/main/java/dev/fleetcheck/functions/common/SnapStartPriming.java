package dev.fleetcheck.functions.common;

import dev.fleetcheck.core.error.Causes;
import dev.fleetcheck.core.error.FleetcheckException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart runtime hooks (org.crac, which Lambda honours). Before Lambda snapshots
 * the initialised function, {@link #beforeCheckpoint} runs the function's own primer, which sends
 * synthetic requests through the hot path (routing, JSON mapping, the SDK clients' marshalling,
 * signing and HTTP on a harmless read) so that a restored instance finds those classes loaded,
 * initialised and compiled. The primer returns what it exercised and how each part answered, which
 * the {@code snapstart.primed} line carries (the function's INIT log). Its log lines and metrics
 * are dropped, a failure is logged and tolerated (a missing table must not fail publishing a
 * version), and it leaves the cold-start flag as it found it. After a restore, {@link
 * #afterRestore} marks the next invocation as the cold start it is.
 *
 * <p>A primer must not write, send or fetch secrets: whatever it caches is in the snapshot that
 * every restored instance shares.
 */
public final class SnapStartPriming implements Resource {

  private final FunctionRuntime runtime;
  private final Supplier<Map<String, ?>> primer;

  private SnapStartPriming(FunctionRuntime runtime, Supplier<Map<String, ?>> primer) {
    this.runtime = runtime;
    this.primer = primer;
  }

  /**
   * Registers {@code primer} with the JVM's global CRaC context. The caller keeps the returned
   * resource: org.crac holds registered resources weakly.
   */
  public static SnapStartPriming register(
      FunctionRuntime runtime, Supplier<Map<String, ?>> primer) {
    return register(Core.getGlobalContext(), runtime, primer);
  }

  /** As {@link #register(FunctionRuntime, Supplier)}, with {@code context} (tests). */
  public static SnapStartPriming register(
      Context<Resource> context, FunctionRuntime runtime, Supplier<Map<String, ?>> primer) {
    SnapStartPriming priming = new SnapStartPriming(runtime, primer);
    context.register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    boolean coldStartPending = Invocation.coldStartPending();
    long start = System.nanoTime();
    Map<String, Object> fields = new LinkedHashMap<>();
    try {
      fields.put("primed", runtime.quietly(primer));
      fields.put("outcome", "ok");
    } catch (RuntimeException e) {
      fields.put(
          "outcome",
          e instanceof FleetcheckException failure
              ? failure.errorCode().code()
              : e.getClass().getSimpleName());
      fields.put("message", Causes.describe(e));
    } finally {
      Invocation.coldStartPending(coldStartPending);
    }
    fields.put("duration_ms", (System.nanoTime() - start) / 1_000_000);
    runtime.log().info("snapstart.primed", fields);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    Invocation.coldStartPending(true);
    runtime.log().info("snapstart.restored", Map.of());
  }
}
