package dev.fleetcheck.core.rules.beh;

import dev.fleetcheck.core.model.Evidence;
import dev.fleetcheck.core.model.Outcome;
import dev.fleetcheck.core.model.Profile;
import dev.fleetcheck.core.python.Binding;
import dev.fleetcheck.core.python.Blocks;
import dev.fleetcheck.core.python.Call;
import dev.fleetcheck.core.python.PyValue;
import dev.fleetcheck.core.python.PythonCodebase;
import dev.fleetcheck.core.python.PythonModule;
import dev.fleetcheck.core.rules.Effort;
import dev.fleetcheck.core.rules.Rule;
import dev.fleetcheck.core.rules.RuleContext;
import dev.fleetcheck.core.rules.RuleSpec;
import dev.fleetcheck.core.rules.detect.ProductCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PY-BEH-021 (assisted): a call in API code that can block without bound: {@code
 * subprocess.run|call|check_call|check_output} without {@code timeout=}; {@code .wait()}/{@code
 * .communicate()} on a name bound to {@code subprocess.Popen}; {@code .get()}/{@code .put()} on a
 * name bound to {@code queue.Queue} or {@code multiprocessing.Queue} without {@code timeout=} or
 * {@code block=False}; {@code .join()}, {@code .wait()}, {@code .acquire()} on names bound to
 * {@code threading.Thread|Event|Condition|Lock|RLock|Semaphore} and {@code .result()} on a name
 * bound to an executor's {@code submit(...)}, without a timeout; {@code time.sleep} inside an
 * {@code async def}. A call passing {@code **kwargs} is given the benefit of the doubt.
 */
public final class UnboundedWaits implements Rule {

  private static final RuleSpec SPEC =
      RuleSpec.assisted(
              "PY-BEH-021",
              Set.of(Profile.API),
              "Bound every wait in request handling: timeout= on subprocess, queue, thread and"
                  + " future waits; await asyncio.sleep instead of time.sleep in async code.")
          .defined(
              "FAIL per call in API code that can block without bound: subprocess.run/call/"
                  + "check_call/check_output without timeout=; wait()/communicate() on a Popen;"
                  + " get()/put() on a queue.Queue or multiprocessing.Queue without timeout= or"
                  + " block=False (put() on a queue built without maxsize never blocks and is not"
                  + " one); join()/wait()/acquire() on a threading object and result() on"
                  + " an executor future without a timeout; time.sleep in an async def."
                  + " NOT_APPLICABLE without product code.",
              Effort.LOW);

  private static final Set<String> SUBPROCESS =
      Set.of(
          "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output");
  private static final Set<String> QUEUES =
      Set.of(
          "queue.Queue",
          "queue.LifoQueue",
          "queue.PriorityQueue",
          "multiprocessing.Queue",
          "multiprocessing.JoinableQueue");
  private static final Set<String> THREADING =
      Set.of(
          "threading.Thread",
          "threading.Event",
          "threading.Condition",
          "threading.Lock",
          "threading.RLock",
          "threading.Semaphore",
          "threading.BoundedSemaphore",
          "multiprocessing.Process");

  private enum Kind {
    POPEN,
    QUEUE,
    /** A queue without maxsize: put() never blocks. */
    OPEN_QUEUE,
    THREADING,
    FUTURE
  }

  @Override
  public RuleSpec spec() {
    return SPEC;
  }

  @Override
  public Outcome check(RuleContext context) {
    return ProductCode.outcome(context, UnboundedWaits::findings);
  }

  private static List<Evidence> findings(PythonCodebase codebase, PythonModule module) {
    Map<String, Kind> bound = new HashMap<>();
    for (Binding binding : module.bindings()) {
      kindOf(binding.callee())
          .map(
              kind ->
                  kind == Kind.QUEUE && unboundedQueue(module, binding) ? Kind.OPEN_QUEUE : kind)
          .ifPresent(kind -> bound.put(binding.name(), kind));
    }
    List<Evidence> findings = new ArrayList<>();
    List<Call> sleeps = new ArrayList<>();
    for (Call call : module.calls()) {
      if (call.kwargsSplat()) {
        continue;
      }
      if (call.callee().equals("time.sleep")) {
        sleeps.add(call);
        continue;
      }
      unbounded(call, bound)
          .ifPresent(what -> findings.add(Evidence.at(module.path(), call.line(), what)));
    }
    if (!sleeps.isEmpty()) {
      codebase
          .blocks(module.path())
          .ifPresent(
              blocks -> {
                for (Call sleep : sleeps) {
                  Optional<Blocks.Block> def = blocks.enclosingDef(sleep.line());
                  if (def.isPresent() && def.get().header().startsWith("async")) {
                    findings.add(
                        Evidence.at(
                            module.path(),
                            sleep.line(),
                            "time.sleep blocks the event loop inside async def "
                                + def.get().name()
                                + " (await asyncio.sleep)"));
                  }
                }
              });
    }
    findings.sort(null);
    return findings;
  }

  /**
   * Whether the binding's queue is built without a bound ({@code Queue()}, {@code maxsize=0}): its
   * {@code put} never blocks. A queue whose construction is not found counts as bounded.
   */
  private static boolean unboundedQueue(PythonModule module, Binding binding) {
    for (Call call : module.calls()) {
      if (call.line() == binding.line() && call.callee().equals(binding.callee())) {
        if (call.argsSplat() || call.kwargsSplat()) {
          return false;
        }
        Optional<PyValue> size =
            call.keyword("maxsize")
                .or(
                    () ->
                        call.positional().isEmpty()
                            ? Optional.empty()
                            : Optional.of(call.positional().get(0)));
        return size.isEmpty() || (size.get() instanceof PyValue.Num num && num.text().equals("0"));
      }
    }
    return false;
  }

  private static Optional<Kind> kindOf(String callee) {
    if (callee.equals("subprocess.Popen")) {
      return Optional.of(Kind.POPEN);
    }
    if (QUEUES.contains(callee)) {
      return Optional.of(Kind.QUEUE);
    }
    if (THREADING.contains(callee)) {
      return Optional.of(Kind.THREADING);
    }
    if (callee.endsWith(".submit")) {
      return Optional.of(Kind.FUTURE);
    }
    return Optional.empty();
  }

  private static Optional<String> unbounded(Call call, Map<String, Kind> bound) {
    if (SUBPROCESS.contains(call.callee())) {
      return call.hasKeyword("timeout")
          ? Optional.empty()
          : Optional.of(call.callee() + " without timeout= can block the request forever");
    }
    Kind kind = bound.get(call.writtenReceiver());
    if (kind == null || call.hasKeyword("timeout")) {
      return Optional.empty();
    }
    String name = call.name();
    String what = call.written() + "() without a timeout can block the request forever";
    return switch (kind) {
      case POPEN ->
          (name.equals("wait") || name.equals("communicate")) && positionalTimeoutAbsent(call, name)
              ? Optional.of(what)
              : Optional.empty();
      case QUEUE -> queueWait(call) ? Optional.of(what) : Optional.empty();
      case OPEN_QUEUE ->
          call.name().equals("get") && queueWait(call) ? Optional.of(what) : Optional.empty();
      case THREADING ->
          (name.equals("join") || name.equals("wait") || name.equals("acquire"))
                  && call.positional().isEmpty()
                  && !call.hasKeyword("blocking")
              ? Optional.of(what)
              : Optional.empty();
      case FUTURE ->
          name.equals("result") && call.positional().isEmpty()
              ? Optional.of(what)
              : Optional.empty();
    };
  }

  /** Popen.wait(timeout) and communicate(input, timeout) may pass it by position. */
  private static boolean positionalTimeoutAbsent(Call call, String name) {
    return name.equals("wait") ? call.positional().isEmpty() : call.positional().size() < 2;
  }

  /** get(block=True, timeout=None) and put(item, block=True, timeout=None). */
  private static boolean queueWait(Call call) {
    int blockAt;
    if (call.name().equals("get")) {
      blockAt = 0;
    } else if (call.name().equals("put")) {
      blockAt = 1;
    } else {
      return false;
    }
    Optional<PyValue> block =
        call.keyword("block")
            .or(
                () ->
                    call.positional().size() > blockAt
                        ? Optional.of(call.positional().get(blockAt))
                        : Optional.empty());
    boolean timeoutByPosition = call.positional().size() > blockAt + 1;
    return !timeoutByPosition && block.map(v -> !v.isFalse()).orElse(true);
  }
}
